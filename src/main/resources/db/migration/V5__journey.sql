-- Web-visitor journeys, keyed by a customer id of a type (only "cookie" so far). Tracking needs a
-- recorded consent: events of a customer without one are refused before anything is written.
create table journey_consents (
  org_id           uuid        not null references organizations (org_id),
  customer_id_type text        not null,
  customer_id      text        not null,
  tracking         boolean     not null,
  consented_at     timestamptz,          -- when tracking was last granted
  withdrawn_at     timestamptz,          -- when it was last withdrawn
  updated_at       timestamptz not null,
  primary key (org_id, customer_id_type, customer_id)
);

create table journey_sessions (
  org_id           uuid        not null references organizations (org_id),
  session_id       uuid        not null,
  customer_id_type text        not null,
  customer_id      text        not null,
  created_at       timestamptz not null,  -- the first event's createdDate
  last_event_at    timestamptz not null,
  event_count      integer     not null,
  primary key (org_id, session_id)
);
create index journey_sessions_by_customer on journey_sessions (org_id, customer_id_type, customer_id, created_at);

create table journey_events (
  org_id           uuid        not null,
  event_id         uuid        not null,
  session_id       uuid        not null,
  customer_id_type text        not null,
  customer_id      text        not null,
  event_type       text        not null,
  page_url         text,
  page_title       text,
  traits           jsonb       not null default '{}',
  created_at       timestamptz not null,  -- the event's createdDate (client's, or receipt time)
  received_at      timestamptz not null,
  primary key (org_id, event_id),
  foreign key (org_id, session_id) references journey_sessions (org_id, session_id) on delete cascade
);
create index journey_events_by_session on journey_events (org_id, session_id, created_at, event_id);
create index journey_events_by_customer on journey_events (org_id, customer_id_type, customer_id);

-- GDPR requests (Genesys GDPRRequest) and their progress per personal-data service.
create table gdpr_requests (
  org_id            uuid        not null references organizations (org_id),
  request_id        uuid        not null,
  name              text,
  request_type      text        not null,
  status            text        not null,
  -- the subject as the caller gave it (GDPRSubject JSON) and the terms it resolved to
  subject           jsonb       not null,
  subject_key       text        not null,
  terms             jsonb       not null,
  replacement_terms jsonb,
  created_by_client text        not null,
  created_by_name   text,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  completed_at      timestamptz,
  due_date          date        not null,
  error_reason      text,
  results_blob      text,
  results_expire_at timestamptz,
  verified_erased   boolean,
  idempotency_key   text,
  idempotency_hash  text,
  primary key (org_id, request_id)
);
-- An identical request still in flight is not created again (the existing one is returned).
create unique index gdpr_requests_in_flight
  on gdpr_requests (org_id, request_type, subject_key)
  where status not in ('COMPLETED', 'ERROR');
create unique index gdpr_requests_idempotency on gdpr_requests (org_id, idempotency_key)
  where idempotency_key is not null;
create index gdpr_requests_newest on gdpr_requests (org_id, created_at desc);

create table gdpr_request_services (
  org_id      uuid        not null,
  request_id  uuid        not null,
  service     text        not null,
  status      text        not null,
  matched     bigint      not null default 0,
  exported    bigint      not null default 0,
  updated     bigint      not null default 0,
  deleted     bigint      not null default 0,
  anonymized  bigint      not null default 0,
  retained    bigint      not null default 0,
  reasons     jsonb       not null default '[]',
  error       text,
  -- an export's part for this service, kept until the package is assembled
  part_key    text,
  attempts    int         not null default 0,
  updated_at  timestamptz not null,
  primary key (org_id, request_id, service),
  foreign key (org_id, request_id) references gdpr_requests (org_id, request_id) on delete cascade
);

-- Requests created together for the members of one merge set, linked both ways.
create table gdpr_related_requests (
  org_id     uuid not null,
  request_id uuid not null,
  related_id uuid not null,
  primary key (org_id, request_id, related_id),
  foreign key (org_id, request_id) references gdpr_requests (org_id, request_id) on delete cascade
);

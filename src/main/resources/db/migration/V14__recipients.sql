-- Art. 19 recipients: the endpoints an org notifies when a rectification or erasure completes.
-- The signing secret is kept encrypted (AES-GCM under a platform secret), never in clear; it is
-- wiped when the recipient is deleted. Deleted recipients stay, so that the record of who was
-- notified of which request survives them.
create table recipients (
  org_id           uuid        not null references organizations (org_id),
  recipient_id     uuid        not null,
  name             text        not null,
  url              text        not null,
  secret_encrypted bytea,
  events           text[]      not null,
  active           boolean     not null,
  created_by       text        not null,
  created_at       timestamptz not null,
  deleted_at       timestamptz,
  primary key (org_id, recipient_id)
);
create index recipients_listing on recipients (org_id, created_at) where deleted_at is null;

-- The outbox: one notification per completed request and recipient, written in the transaction
-- that completes the request. Ids only, no personal data.
create table recipient_notifications (
  org_id          uuid        not null,
  notification_id uuid        not null,
  recipient_id    uuid        not null,
  request_id      uuid        not null,
  request_type    text        not null,
  completed_at    timestamptz not null,
  status          text        not null,
  attempts        int         not null default 0,
  created_at      timestamptz not null,
  last_attempt_at timestamptz,
  delivered_at    timestamptz,
  last_status     int,
  last_error      text,
  primary key (org_id, notification_id),
  foreign key (org_id, recipient_id) references recipients (org_id, recipient_id)
);
-- One logical notification per request and recipient, however often the completion is seen.
create unique index recipient_notifications_once
  on recipient_notifications (org_id, request_id, recipient_id);
create index recipient_notifications_by_recipient
  on recipient_notifications (org_id, recipient_id, created_at desc);

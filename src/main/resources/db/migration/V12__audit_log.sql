-- Tamper-evident audit trail: per org, a chain of entries where each hash covers the previous
-- hash and the entry's content. No raw personal data: subjects appear as keyed pseudonyms.
create table audit_log (
  org_id      uuid        not null references organizations (org_id),
  seq         bigint      not null,
  occurred_at timestamptz not null,
  action      text        not null,
  actor       text        not null,
  target_type text,
  target_id   text,
  details     jsonb       not null default '{}',
  prev_hash   text        not null,
  hash        text        not null,
  primary key (org_id, seq)
);
create index audit_log_action on audit_log (org_id, action, seq);
create index audit_log_target on audit_log (org_id, target_id, seq);

-- PII scanner: runs over the places the GDPR API deliberately does not search, and what they found.
-- A finding never holds the value in clear: a masked excerpt and a keyed hash (HMAC under a
-- platform secret) that correlates repeated findings of one value across records and runs.
create table pii_scan_runs (
  org_id          uuid        not null references organizations (org_id),
  run_id          uuid        not null,
  trigger         text        not null check (trigger in ('manual', 'scheduled')),
  started_by      text        not null,
  started_at      timestamptz not null,
  completed_at    timestamptz not null,
  records_scanned int         not null,
  findings_count  int         not null,
  primary key (org_id, run_id)
);
create index pii_scan_runs_newest on pii_scan_runs (org_id, started_at desc, run_id);

create table pii_scan_findings (
  org_id         uuid   not null,
  run_id         uuid   not null,
  finding_id     uuid   not null,
  seq            bigint generated always as identity,
  service        text   not null,
  record_id      text   not null,
  field_path     text   not null,
  kind           text   not null check (kind in ('EMAIL', 'PHONE', 'IBAN', 'NAME')),
  masked_excerpt text   not null,
  value_hash     text   not null,
  primary key (org_id, run_id, finding_id),
  foreign key (org_id, run_id) references pii_scan_runs (org_id, run_id) on delete cascade
);
create index pii_scan_findings_listing on pii_scan_findings (org_id, run_id, seq);

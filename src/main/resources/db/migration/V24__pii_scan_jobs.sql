-- PII scans as durable background jobs: a run is queued by POST (or the daily schedule), scanned by a
-- db-scheduler task that commits its findings and progress in batches, and ends COMPLETED or FAILED.
-- One run per org in flight at a time. Runs that ended before the retention are deleted with their
-- findings (datarights.scanner.findings-retention).
alter table pii_scan_runs
  add column status         text,
  add column created_at     timestamptz,
  add column places_total   int not null default 4,
  add column places_scanned int not null default 0,
  add column scanning       text,
  add column error_reason   text,
  alter column started_at   drop not null,
  alter column completed_at drop not null;

-- Every run before this migration ran synchronously and completed.
update pii_scan_runs set status = 'COMPLETED', created_at = started_at, places_scanned = places_total;

alter table pii_scan_runs
  alter column status set not null,
  alter column created_at set not null,
  add constraint pii_scan_runs_status check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  add constraint pii_scan_runs_ended check ((status in ('COMPLETED', 'FAILED')) = (completed_at is not null));

-- At most one run per org in flight: a second one is refused with 409.
create unique index pii_scan_runs_one_in_flight on pii_scan_runs (org_id) where status in ('QUEUED', 'RUNNING');

drop index pii_scan_runs_newest;
create index pii_scan_runs_newest on pii_scan_runs (org_id, created_at desc, run_id);
-- For the retention's daily pruning.
create index pii_scan_runs_ended_at on pii_scan_runs (completed_at) where status in ('COMPLETED', 'FAILED');

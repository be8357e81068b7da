-- What the search after an erasure still found, per service (null until an erasure is verified).
alter table gdpr_request_services add column still_found bigint;

-- The records an export packaged, by service and record id only (no personal data), so that an
-- erasure that erases any of them deletes the package, whichever identifier either request named.
create table export_package_records (
  org_id     uuid not null,
  request_id uuid not null,
  service    text not null,
  record_id  text not null,
  primary key (org_id, request_id, service, record_id),
  foreign key (org_id, request_id) references gdpr_requests (org_id, request_id) on delete cascade
);
create index export_package_records_by_record on export_package_records (org_id, service, record_id);

-- The exports whose records an erasure matched, noted before its services erase (so that a step
-- run again after a crash, which finds nothing any more, still knows them); their packages are
-- deleted when the erasure completes.
create table gdpr_erased_packages (
  org_id            uuid not null,
  request_id        uuid not null,
  export_request_id uuid not null,
  primary key (org_id, request_id, export_request_id),
  foreign key (org_id, request_id) references gdpr_requests (org_id, request_id) on delete cascade
);

-- An export whose package was deleted because its subject was erased: its link answers 410.
alter table gdpr_requests add column results_erased_at timestamptz;
-- On an erasure: how many export packages of the subject it deleted.
alter table gdpr_requests add column packages_deleted int;

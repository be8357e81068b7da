-- Bulk erasures (an extension of the GDPR API): a file of up to 100,000 subjects, erased in
-- chunks with one durable step per chunk and service, each chunk verified, then completed.
create table gdpr_bulk_erasures (
  org_id            uuid        not null references organizations (org_id),
  job_id            uuid        not null,
  status            text        not null,
  subjects          int         not null,
  chunks            int         not null,
  created_by_client text        not null,
  created_by_name   text,
  created_at        timestamptz not null,
  started_at        timestamptz,
  completed_at      timestamptz,
  verified_erased   boolean,
  still_found       bigint,
  error_reason      text,
  primary key (org_id, job_id)
);
create index gdpr_bulk_erasures_newest on gdpr_bulk_erasures (org_id, created_at desc, job_id);
-- At most one job per org in flight: a second one is refused with 409.
create unique index gdpr_bulk_erasures_one_in_flight
  on gdpr_bulk_erasures (org_id) where status not in ('COMPLETED', 'ERROR');

-- The subjects of a chunk as normalized identifiers (kinds[i], normalized_values[i]). They are
-- personal data kept only while the job runs: wiped when it ends. The audit trail keeps their
-- keyed pseudonyms.
create table gdpr_bulk_erasure_chunks (
  org_id            uuid        not null,
  job_id            uuid        not null,
  chunk             int         not null,
  subjects          int         not null,
  kinds             text[],
  normalized_values text[],
  verified_at       timestamptz,
  still_found       bigint,
  primary key (org_id, job_id, chunk),
  foreign key (org_id, job_id) references gdpr_bulk_erasures (org_id, job_id) on delete cascade
);

-- One step per chunk and personal-data service, with its outcome.
create table gdpr_bulk_erasure_steps (
  org_id       uuid        not null,
  job_id       uuid        not null,
  chunk        int         not null,
  service      text        not null,
  status       text        not null,
  matched      bigint      not null default 0,
  deleted      bigint      not null default 0,
  anonymized   bigint      not null default 0,
  retained     bigint      not null default 0,
  reasons      text[]      not null default '{}',
  error        text,
  started_at   timestamptz,
  completed_at timestamptz,
  primary key (org_id, job_id, chunk, service),
  foreign key (org_id, job_id, chunk) references gdpr_bulk_erasure_chunks (org_id, job_id, chunk) on delete cascade
);

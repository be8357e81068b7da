-- The form of an entry's hash. Entries written before this migration keep form 1 (without the
-- org) and still verify; new entries are written in form 2, which also covers the org, so that an
-- entry moved to another org's chain no longer matches its hash.
alter table audit_log add column hash_version smallint not null default 1;
alter table audit_log alter column hash_version drop default;

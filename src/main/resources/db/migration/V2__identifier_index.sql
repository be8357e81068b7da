-- Every personal identifier of every service, normalized on write (see Normalization.java).
-- A subject search is one lookup on the primary key's prefix (org_id, kind, normalized_value).
create table identifier_index (
  org_id           uuid not null references organizations (org_id),
  kind             text not null,
  normalized_value text not null,
  service          text not null,
  record_id        text not null,
  primary key (org_id, kind, normalized_value, service, record_id)
);
-- Rewriting or deleting one record's identifiers.
create index identifier_index_record on identifier_index (org_id, service, record_id);

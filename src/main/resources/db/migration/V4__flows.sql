-- Architect flows: names, descriptions and prompt texts. They must hold no personal data, so they
-- are never indexed for subject search; the PII scanner reads them to find any that slipped in.
create table flows (
  org_id       uuid        not null references organizations (org_id),
  flow_id      uuid        not null,
  name         text        not null,
  description  text,
  prompt_texts text[]      not null default '{}',
  version      integer     not null,
  created_at   timestamptz not null,
  updated_at   timestamptz not null,
  primary key (org_id, flow_id)
);
create index flows_by_name on flows (org_id, lower(name), flow_id);

-- Accountability documents (GDPR Art. 30 and Art. 35(7)).

-- The org's controller details for its record of processing (Art. 30(1)(a)): one row per org,
-- replaced on every change (the audit trail keeps that it changed).
create table governance_controllers (
  org_id                uuid        not null references organizations (org_id),
  controller_name       text        not null,
  address               text        not null,
  contact_email         text        not null,
  dpo_name              text        not null,
  dpo_email             text        not null,
  representative        text,
  supervisory_authority text,
  modified_at           timestamptz not null,
  modified_by           text        not null,
  primary key (org_id)
);

-- Data protection impact assessments (Art. 35(7)): every submission is a new version, numbered
-- per org from 1, and never changed afterwards. Besides the org's answers, a version keeps what
-- was generated when it was made (the processing as the inventory described it, the baseline
-- risks, the product's measures, the controller details), so that an old version reads as it did.
create table governance_dpias (
  org_id           uuid        not null references organizations (org_id),
  version          integer     not null,
  necessity        text        not null,
  proportionality  text        not null,
  risks            jsonb       not null,
  consulted_dpo    boolean     not null,
  notes            text,
  processing       jsonb       not null,
  baseline_risks   jsonb       not null,
  product_measures jsonb       not null,
  controller       jsonb,
  created_at       timestamptz not null,
  created_by       text        not null,
  primary key (org_id, version),
  check (version >= 1)
);

-- External contacts (the platform's customers) and their merge sets.
-- Simple values are columns; values with inner structure are jsonb in the Genesys wire shape:
--   phones           {"display", "e164", "countryCode"}
--   address          {"address1", "address2", "city", "state", "postalCode", "countryCode"}
--   external_ids     [{"externalSource", "value"}]
--   custom_fields    {"any key": any value}
create table external_contacts (
  org_id                uuid        not null references organizations (org_id),
  contact_id            uuid        not null,
  first_name            text,
  middle_name           text,
  last_name             text,
  title                 text,
  work_phone            jsonb,
  cell_phone            jsonb,
  home_phone            jsonb,
  other_phone           jsonb,
  work_email            text,
  personal_email        text,
  other_email           text,
  address               jsonb,
  twitter_screen_name   text,
  facebook_display_name text,
  instagram_screen_name text,
  whatsapp_phone        jsonb,
  whatsapp_display_name text,
  apple_messages_id     text,
  external_ids          jsonb,
  custom_fields         jsonb,
  -- The merge set: null for a contact in no set; otherwise the set's canonical contact, which
  -- points at itself. A set therefore always has exactly one canonical and at least two members.
  canonical_contact_id  uuid,
  created_at            timestamptz not null,
  modified_at           timestamptz not null,
  primary key (org_id, contact_id),
  foreign key (org_id, canonical_contact_id) references external_contacts (org_id, contact_id)
);

-- Listing in creation order.
create index external_contacts_created on external_contacts (org_id, created_at, contact_id);
-- The members of a merge set.
create index external_contacts_merge_set on external_contacts (org_id, canonical_contact_id)
  where canonical_contact_id is not null;

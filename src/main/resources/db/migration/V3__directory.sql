-- Employees (the Genesys "users"). Erasure anonymizes an inactive user in place: the row stays,
-- without personal data, so that conversations naming the user id still resolve to it.
create table directory_users (
  org_id          uuid        not null references organizations (org_id),
  user_id         uuid        not null,
  name            text        not null,
  email           text,                 -- as written; null once anonymized
  email_key       text,                 -- normalized e-mail (Emails.normalize): unique per org
  title           text,
  state           text        not null check (state in ('active', 'inactive')),
  phone_numbers   jsonb       not null default '[]',  -- [{type, display, e164}]
  personal_status text,                 -- free text, deliberately not indexed for search
  version         integer     not null,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  anonymized_at   timestamptz,
  primary key (org_id, user_id)
);
create unique index directory_users_email_key on directory_users (org_id, email_key) where email_key is not null;
-- Listings are ordered by name.
create index directory_users_by_name on directory_users (org_id, lower(name), user_id);

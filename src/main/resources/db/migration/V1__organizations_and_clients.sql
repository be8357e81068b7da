-- Tenants and their OAuth clients. Every tenant-owned table has org_id first in its primary key,
-- so that the schema can be distributed by tenant (Citus) without redesign.

create table organizations (
  org_id         uuid        not null primary key,
  name           text        not null,
  default_region text        not null,
  created_at     timestamptz not null
);
create unique index organizations_name_key on organizations (lower(name));

create table oauth_clients (
  org_id      uuid        not null references organizations (org_id),
  client_id   text        not null,
  name        text        not null,
  secret_hash text        not null,
  permissions text[]      not null,
  created_at  timestamptz not null,
  primary key (org_id, client_id)
);
-- Token requests know only the client id. On a distributed engine this lookup becomes a
-- reference table; here one unique index serves it.
create unique index oauth_clients_client_id_key on oauth_clients (client_id);

-- Platform-wide JWT signing keys (not tenant data: a reference table when distributed).
create table signing_keys (
  key_id      text        not null primary key,
  private_jwk text        not null,
  public_jwk  text        not null,
  created_at  timestamptz not null
);

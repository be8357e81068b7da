-- Legal holds (Art. 17(3) GDPR): a subject whose data must survive erasure requests, and why.
-- Released holds stay, with who released them and when, as the record of what was held.
-- A hold is active while released_at is null and expires (a date, inclusive, UTC) is not past.
create table legal_holds (
  org_id        uuid        not null references organizations (org_id),
  hold_id       uuid        not null,
  subject_type  text        not null,
  subject_id    text        not null,
  subject_scope text,
  reason        text        not null,
  expires       date,
  created_by    text        not null,
  created_at    timestamptz not null,
  released_by   text,
  released_at   timestamptz,
  primary key (org_id, hold_id)
);
create index legal_holds_listing on legal_holds (org_id, created_at desc);
create index legal_holds_active on legal_holds (org_id, subject_type, subject_id) where released_at is null;

-- Interactions and what they hold. Participants, messages and attachments belong to their
-- conversation (deleted with it); erasure anonymizes rows in place instead of deleting the
-- interaction, so that statistics keep counting it.

create table conversations (
  org_id          uuid        not null references organizations (org_id),
  conversation_id uuid        not null,
  media_type      text        not null,
  messenger_type  text,
  start_time      timestamptz not null,
  end_time        timestamptz,
  created_at      timestamptz not null,
  primary key (org_id, conversation_id)
);
-- Listings, newest first.
create index conversations_newest on conversations (org_id, start_time desc, conversation_id desc);

create table conversation_participants (
  org_id              uuid        not null,
  conversation_id     uuid        not null,
  participant_id      uuid        not null,
  position            int         not null,
  purpose             text        not null,
  name                text,
  address             text,
  user_id             text,
  external_contact_id text,
  -- Custom participant attributes: deliberately not searched by the GDPR API (DESIGN section 3).
  attributes          jsonb       not null default '{}',
  anonymized_at       timestamptz,
  primary key (org_id, conversation_id, participant_id),
  foreign key (org_id, conversation_id) references conversations (org_id, conversation_id) on delete cascade
);
-- A subject named by its external contact or user id finds its conversations through these.
create index conversation_participants_external_contact
  on conversation_participants (org_id, external_contact_id) where external_contact_id is not null;
create index conversation_participants_user
  on conversation_participants (org_id, user_id) where user_id is not null;

create table conversation_messages (
  org_id          uuid        not null,
  conversation_id uuid        not null,
  message_id      uuid        not null,
  seq             bigint      generated always as identity,
  participant_id  uuid        not null,
  -- Null once erased: the message stays for statistics, its content does not.
  body            text,
  sent_at         timestamptz not null,
  primary key (org_id, conversation_id, message_id),
  foreign key (org_id, conversation_id, participant_id)
    references conversation_participants (org_id, conversation_id, participant_id) on delete cascade
);
create index conversation_messages_by_participant
  on conversation_messages (org_id, conversation_id, participant_id);

create table conversation_attachments (
  org_id          uuid        not null,
  conversation_id uuid        not null,
  attachment_id   uuid        not null,
  seq             bigint      generated always as identity,
  -- Null for a file of the whole interaction (a call recording).
  participant_id  uuid,
  kind            text        not null check (kind in ('attachment', 'recording')),
  -- As the client named it: metadata only, never part of a path.
  file_name       text        not null,
  content_type    text        not null,
  size            bigint      not null,
  sha256          text        not null,
  blob_key        text        not null,
  created_at      timestamptz not null,
  primary key (org_id, conversation_id, attachment_id),
  foreign key (org_id, conversation_id) references conversations (org_id, conversation_id) on delete cascade,
  foreign key (org_id, conversation_id, participant_id)
    references conversation_participants (org_id, conversation_id, participant_id) on delete cascade
);

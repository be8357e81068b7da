-- db-scheduler's task table (its documented PostgreSQL schema). Platform-wide: on a distributed
-- engine it stays a local table of the coordinator, as it holds ids only, no tenant data.
create table scheduled_tasks (
  task_name            text                     not null,
  task_instance        text                     not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean                  not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures int,
  last_heartbeat       timestamp with time zone,
  version              bigint                   not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Bucket4j token buckets, shared by every node. The key names the org or client it limits.
create table rate_limit_buckets (
  id    text not null primary key,
  state bytea
);

-- Secrets the platform generates for itself (e.g. the key that signs export links).
create table platform_secrets (
  name       text        not null primary key,
  value      bytea       not null,
  created_at timestamptz not null
);

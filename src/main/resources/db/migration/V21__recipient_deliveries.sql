-- Webhook deliveries get a db-scheduler table (and scheduler, and threads) of their own, apart
-- from the request steps': a recipient that never answers must not hold the threads every org's
-- GDPR requests run on. Same schema as scheduled_tasks (db-scheduler's documented one).
create table recipient_delivery_tasks (
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
create index recipient_delivery_tasks_execution_time on recipient_delivery_tasks (execution_time);
create index recipient_delivery_tasks_last_heartbeat on recipient_delivery_tasks (last_heartbeat);
create index recipient_delivery_tasks_priority_execution_time on recipient_delivery_tasks (priority desc, execution_time asc);

-- Deliveries still to be made move with their retry state; one picked by a node being upgraded
-- is unpicked (the outbox row says whether it was delivered: a delivered one is skipped).
insert into recipient_delivery_tasks
  (task_name, task_instance, task_data, execution_time, picked, picked_by, last_success, last_failure,
   consecutive_failures, last_heartbeat, version, priority)
select task_name, task_instance, task_data, execution_time, false, null, last_success, last_failure,
       consecutive_failures, null, version, priority
from scheduled_tasks where task_name = 'recipient-notification';
delete from scheduled_tasks where task_name = 'recipient-notification';

-- Delivery failures are kept as coarse classes, never the remote's words or the socket error
-- (which told closed ports, silent ports and other services apart).
alter table recipient_notifications rename column last_error to last_failure;
update recipient_notifications
set last_failure = case
  when last_failure is null then null
  when last_status is not null then 'HTTP_STATUS'
  when last_failure like 'No answer within%' then 'TIMEOUT'
  when last_failure like 'The recipient''s signing secret%' then 'SECRET_UNAVAILABLE'
  else 'UNREACHABLE'
end;
alter table recipient_notifications add constraint recipient_notifications_failure_class
  check (last_failure in ('UNREACHABLE', 'TIMEOUT', 'HTTP_STATUS', 'ADDRESS_NOT_ALLOWED', 'SECRET_UNAVAILABLE'));

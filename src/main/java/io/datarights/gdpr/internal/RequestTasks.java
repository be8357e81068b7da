package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.datarights.shared.DueWork;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable work of a request, as db-scheduler tasks in PostgreSQL: one step per request and
 * service, then one finalization. Any node picks them up ({@code FOR UPDATE SKIP LOCKED}); a task
 * that fails is retried with exponential back-off; a node that dies leaves its tasks to the others.
 */
@Configuration(proxyBeanMethods = false)
class RequestTasks {

  static final TaskDescriptor<String> STEP = TaskDescriptor.of("gdpr-service-step", String.class);
  static final TaskDescriptor<String> FINALIZE = TaskDescriptor.of("gdpr-finalize", String.class);

  /** Task data: {@code orgId/requestId[/service]} — ids only, no personal data in the task table. */
  record StepRef(OrgId org, UUID requestId, String service) {
    String encode() {
      return org + "/" + requestId + (service == null ? "" : "/" + service);
    }

    static StepRef decode(String data) {
      String[] parts = data.split("/", 3);
      return new StepRef(OrgId.of(parts[0]), UUID.fromString(parts[1]), parts.length > 2 ? parts[2] : null);
    }
  }

  static TaskInstance<String> step(OrgId org, UUID requestId, String service) {
    StepRef ref = new StepRef(org, requestId, service);
    return STEP.instance(requestId + "/" + service).data(ref.encode()).build();
  }

  static TaskInstance<String> finalizeTask(OrgId org, UUID requestId) {
    return FINALIZE.instance(requestId.toString()).data(new StepRef(org, requestId, null).encode()).build();
  }

  static void schedule(SchedulerClient scheduler, TaskInstance<String> instance, Clock clock) {
    scheduler.scheduleIfNotExists(instance, clock.instant());
    DueWork.wakeScheduler(scheduler);
  }

  /** New tasks in one batch (a merge set files hundreds of steps at once); none of them exists yet. */
  static void scheduleAll(SchedulerClient scheduler, List<TaskInstance<?>> instances, Clock clock) {
    scheduler.scheduleBatch(instances, clock.instant());
    DueWork.wakeScheduler(scheduler);
  }

  @Bean
  OneTimeTask<String> serviceStepTask(RequestProcessor processor, ProcessingProperties properties) {
    return Tasks.oneTime(STEP)
        .onFailure(retries(processor, properties))
        .execute((instance, context) -> processor.runStep(StepRef.decode(instance.getData()), context.getSchedulerClient()));
  }

  @Bean
  OneTimeTask<String> finalizeRequestTask(RequestProcessor processor, ProcessingProperties properties) {
    return Tasks.oneTime(FINALIZE)
        .onFailure(retries(processor, properties))
        .execute((instance, context) -> processor.finish(StepRef.decode(instance.getData())));
  }

  private static FailureHandler<String> retries(RequestProcessor processor, ProcessingProperties properties) {
    return new FailureHandler.MaxRetriesFailureHandler<>(
        properties.maxRetries(),
        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetryDelay(), 2.0),
        // The handler has already removed the execution when it calls this.
        (complete, operations) -> {
          processor.giveUp(
              StepRef.decode((String) complete.getExecution().taskInstance.getData()),
              complete.getCause().orElse(null),
              properties.maxRetries());
        });
  }
}

package io.datarights.bulkerasure.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.datarights.shared.DueWork;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable work of a bulk erasure, as db-scheduler tasks in PostgreSQL: one step per chunk and
 * service, one verification per chunk, one finish per job. Any node runs them; a failing one is
 * retried with exponential back-off, as the steps of single requests are.
 */
@Configuration(proxyBeanMethods = false)
class BulkErasureTasks {

  static final TaskDescriptor<String> STEP = TaskDescriptor.of("gdpr-bulk-erasure-step", String.class);
  static final TaskDescriptor<String> VERIFY = TaskDescriptor.of("gdpr-bulk-erasure-verify", String.class);
  static final TaskDescriptor<String> FINISH = TaskDescriptor.of("gdpr-bulk-erasure-finish", String.class);

  /**
   * Task data: {@code orgId/jobId/chunk/service} (chunk -1 and no service for the finish) — ids
   * only, no personal data in the task table.
   */
  record Ref(OrgId org, UUID job, int chunk, String service) {
    String encode() {
      return org + "/" + job + "/" + chunk + (service == null ? "" : "/" + service);
    }

    static Ref decode(String data) {
      String[] parts = data.split("/", 4);
      return new Ref(OrgId.of(parts[0]), UUID.fromString(parts[1]), Integer.parseInt(parts[2]), parts.length > 3 ? parts[3] : null);
    }

    /** What a person reads in an error reason. */
    String describe() {
      if (service != null) {
        return "the " + service + " service (chunk " + (chunk + 1) + ")";
      }
      return chunk >= 0 ? "the verification of chunk " + (chunk + 1) : "the completion";
    }
  }

  static TaskInstance<String> step(OrgId org, UUID job, int chunk, String service) {
    return STEP.instance(job + "/" + chunk + "/" + service).data(new Ref(org, job, chunk, service).encode()).build();
  }

  static TaskInstance<String> verify(OrgId org, UUID job, int chunk) {
    return VERIFY.instance(job + "/" + chunk).data(new Ref(org, job, chunk, null).encode()).build();
  }

  static TaskInstance<String> finish(OrgId org, UUID job) {
    return FINISH.instance(job.toString()).data(new Ref(org, job, -1, null).encode()).build();
  }

  /** Schedules for now; inside a transaction, the tasks commit with it and the scheduler wakes after the commit. */
  static void schedule(SchedulerClient scheduler, List<TaskInstance<String>> instances, Instant now) {
    for (TaskInstance<String> instance : instances) {
      scheduler.scheduleIfNotExists(instance, now);
    }
    if (!instances.isEmpty()) {
      DueWork.wakeScheduler(scheduler);
    }
  }

  @Bean
  OneTimeTask<String> bulkErasureStepTask(BulkErasureProcessor processor, BulkErasureProperties properties) {
    return Tasks.oneTime(STEP)
        .onFailure(retries(processor, properties))
        .execute((instance, context) -> processor.runStep(Ref.decode(instance.getData()), context.getSchedulerClient()));
  }

  @Bean
  OneTimeTask<String> bulkErasureVerifyTask(BulkErasureProcessor processor, BulkErasureProperties properties) {
    return Tasks.oneTime(VERIFY)
        .onFailure(retries(processor, properties))
        .execute((instance, context) -> processor.verify(Ref.decode(instance.getData()), context.getSchedulerClient()));
  }

  @Bean
  OneTimeTask<String> bulkErasureFinishTask(BulkErasureProcessor processor, BulkErasureProperties properties) {
    return Tasks.oneTime(FINISH)
        .onFailure(retries(processor, properties))
        .execute((instance, context) -> processor.finish(Ref.decode(instance.getData()), context.getSchedulerClient()));
  }

  private static FailureHandler<String> retries(BulkErasureProcessor processor, BulkErasureProperties properties) {
    return new FailureHandler.MaxRetriesFailureHandler<>(
        properties.maxRetries(),
        new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetryDelay(), 2.0),
        (complete, operations) ->
            processor.giveUp(
                Ref.decode((String) complete.getExecution().taskInstance.getData()),
                complete.getCause().orElse(null),
                properties.maxRetries()));
  }
}

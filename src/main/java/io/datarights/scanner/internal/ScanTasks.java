package io.datarights.scanner.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.datarights.shared.DueWork;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable work of a scan run, one db-scheduler task per run in PostgreSQL: any node runs it; a
 * node that dies leaves it to the others (db-scheduler revives dead executions), and a failing scan
 * is retried with exponential back-off, then the run ends FAILED with a reason.
 */
@Configuration(proxyBeanMethods = false)
class ScanTasks {

  static final TaskDescriptor<String> SCAN = TaskDescriptor.of("pii-scan", String.class);

  /** Task data: {@code orgId/runId}, ids only. */
  record Ref(OrgId org, UUID runId) {
    String encode() {
      return org + "/" + runId;
    }

    static Ref decode(String data) {
      String[] parts = data.split("/", 2);
      return new Ref(OrgId.of(parts[0]), UUID.fromString(parts[1]));
    }
  }

  static TaskInstance<String> scan(OrgId org, UUID runId) {
    return SCAN.instance(runId.toString()).data(new Ref(org, runId).encode()).build();
  }

  /** Inside a transaction, the task commits with the run and the scheduler wakes after the commit. */
  static void schedule(SchedulerClient scheduler, OrgId org, UUID runId, Instant now) {
    scheduler.scheduleIfNotExists(scan(org, runId), now);
    DueWork.wakeScheduler(scheduler);
  }

  @Bean
  OneTimeTask<String> piiScanTask(PiiScanner scanner, ScanJobs jobs, ScannerProperties properties) {
    return Tasks.oneTime(SCAN)
        .onFailure(
            new FailureHandler.MaxRetriesFailureHandler<>(
                properties.maxRetries(),
                new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetryDelay(), 2.0),
                // The handler has already removed the execution when it calls this.
                (complete, operations) ->
                    jobs.giveUp(
                        Ref.decode((String) complete.getExecution().taskInstance.getData()),
                        complete.getCause().orElse(null),
                        properties.maxRetries())))
        .execute((instance, context) -> {
          Ref ref = Ref.decode(instance.getData());
          scanner.run(ref.org(), ref.runId());
        });
  }
}

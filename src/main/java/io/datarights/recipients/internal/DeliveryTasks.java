package io.datarights.recipients.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.datarights.shared.OrgId;
import java.time.Duration;
import java.util.UUID;

/**
 * One task per outbox row, scheduled in the transaction that writes the row, run by the delivery
 * scheduler (not the one that runs request steps): any node delivers it; an attempt without a 2xx
 * is retried with exponential back-off; when the retries are spent the notification is marked
 * FAILED. An org with all its in-flight slots taken has the task put back a moment later, without
 * an attempt, so that it does not hold a thread waiting.
 */
final class DeliveryTasks {

  static final TaskDescriptor<String> DELIVER = TaskDescriptor.of("recipient-notification", String.class);

  /** How long a delivery waits when its org already has its maximum in flight. */
  static final Duration ORG_BUSY_DELAY = Duration.ofSeconds(1);

  private DeliveryTasks() {}

  /** Task data: {@code orgId/notificationId} — ids only. */
  record NotificationRef(OrgId org, UUID notificationId) {
    String encode() {
      return org + "/" + notificationId;
    }

    static NotificationRef decode(String data) {
      String[] parts = data.split("/", 2);
      return new NotificationRef(OrgId.of(parts[0]), UUID.fromString(parts[1]));
    }
  }

  static TaskInstance<String> delivery(OrgId org, UUID notificationId) {
    return DELIVER.instance(notificationId.toString()).data(new NotificationRef(org, notificationId).encode()).build();
  }

  static Task<String> task(NotificationSender sender, RecipientProperties properties, DeliveriesInFlight inFlight) {
    return Tasks.custom(DELIVER)
        .onFailure(retriesThenGiveUp(sender, properties))
        .execute((instance, context) -> {
          NotificationRef ref = NotificationRef.decode(instance.getData());
          if (!inFlight.tryAcquire(ref.org())) {
            return (complete, operations) -> operations.reschedule(complete, complete.getTimeDone().plus(ORG_BUSY_DELAY));
          }
          try {
            sender.deliver(ref);
          } finally {
            inFlight.release(ref.org());
          }
          return new CompletionHandler.OnCompleteRemove<>();
        });
  }

  /**
   * Back-off until the retries are spent, then FAILED; counted by the attempts on the outbox row
   * (a deferral for a busy org is no attempt). The notification is marked before the task is
   * removed: if marking fails, the execution stays and is revived as a dead execution, instead of
   * leaving a PENDING row that nothing will send.
   */
  private static FailureHandler<String> retriesThenGiveUp(NotificationSender sender, RecipientProperties properties) {
    return (complete, operations) -> {
      int attempts = attempts(complete);
      if (attempts > properties.maxRetries()) {
        sender.giveUp(NotificationRef.decode((String) complete.getExecution().taskInstance.getData()));
        operations.stop();
      } else {
        Duration delay = properties.firstRetryDelay().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        operations.reschedule(complete, complete.getTimeDone().plus(delay));
      }
    };
  }

  /** Attempts made, this one included; a failure before any attempt (e.g. the database) counts like one. */
  private static int attempts(ExecutionComplete complete) {
    return complete.getCause()
        .filter(NotificationSender.DeliveryFailed.class::isInstance)
        .map(cause -> ((NotificationSender.DeliveryFailed) cause).attempts())
        .filter(attempts -> attempts > 0)
        .orElse(complete.getExecution().consecutiveFailures + 1);
  }
}

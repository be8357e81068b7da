package io.datarights.recipients.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.datarights.shared.OrgId;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One db-scheduler task per outbox row, scheduled in the transaction that writes the row: any node
 * delivers it; an attempt without a 2xx is retried with exponential back-off; when the retries
 * are spent the notification is marked FAILED.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTasks {

  static final TaskDescriptor<String> DELIVER = TaskDescriptor.of("recipient-notification", String.class);

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

  @Bean
  OneTimeTask<String> recipientNotificationTask(NotificationSender sender, RecipientProperties properties) {
    return Tasks.oneTime(DELIVER)
        .onFailure(retriesThenGiveUp(sender, properties))
        .execute((instance, context) -> sender.deliver(NotificationRef.decode(instance.getData())));
  }

  /**
   * Back-off until the retries are spent, then FAILED. Unlike db-scheduler's MaxRetriesFailureHandler,
   * the notification is marked before the task is removed: if marking fails, the execution stays
   * and is revived as a dead execution, instead of leaving a PENDING row that nothing will send.
   */
  private static FailureHandler<String> retriesThenGiveUp(NotificationSender sender, RecipientProperties properties) {
    FailureHandler<String> backoff = new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetryDelay(), 2.0);
    return (complete, operations) -> {
      if (complete.getExecution().consecutiveFailures + 1 > properties.maxRetries()) {
        sender.giveUp(NotificationRef.decode((String) complete.getExecution().taskInstance.getData()));
        operations.stop();
      } else {
        backoff.onFailure(complete, operations);
      }
    };
  }
}

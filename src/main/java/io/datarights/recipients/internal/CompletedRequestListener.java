package io.datarights.recipients.internal;

import io.datarights.shared.AuditableEvent;
import io.datarights.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's writer. The GDPR engine publishes {@code gdpr.request.completed} inside the
 * transaction that completes the request; this synchronous listener joins that transaction, so
 * the notifications (and their delivery tasks) commit with the completion or not at all. The
 * delivery scheduler is woken after the commit.
 */
@Component
class CompletedRequestListener {

  static final String COMPLETED = "gdpr.request.completed";

  private final NotificationRepository notifications;
  private final DeliveryScheduler deliveries;
  private final Clock clock;

  CompletedRequestListener(NotificationRepository notifications, DeliveryScheduler deliveries, Clock clock) {
    this.notifications = notifications;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void onRequestCompleted(AuditableEvent event) {
    if (!COMPLETED.equals(event.action())) {
      return;
    }
    // Exports change nothing a recipient holds: only rectifications and erasures are notified.
    Optional<RecipientEvent> type = RecipientEvent.parse(event.details().get("requestType"));
    Optional<UUID> requestId = Ids.parse(event.targetId());
    if (type.isEmpty() || requestId.isEmpty()) {
      return;
    }
    // The completion is being committed now: its time is this transaction's "now".
    Instant now = clock.instant();
    for (UUID notificationId : notifications.addForCompletedRequest(event.org(), requestId.get(), type.get(), now, now)) {
      deliveries.schedule(event.org(), notificationId, now);
    }
  }
}

package io.datarights.recipients.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.AuditableEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one delivery attempt of a notification: a signed POST of ids only. A 2xx is delivered;
 * anything else is recorded on the row and thrown, for the task's back-off to try again.
 */
@Component
class NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  private static final int MAX_ERROR_LENGTH = 500;

  /** The JSON body: the same bytes on every attempt, so receivers can dedupe by {@code id}. */
  record NotificationBody(String id, String requestId, String requestType, Instant completedDate, String org) {}

  private final NotificationRepository notifications;
  private final RecipientRepository recipients;
  private final SecretBox secrets;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final RecipientProperties properties;
  private final Clock clock;
  private final HttpClient http;

  NotificationSender(
      NotificationRepository notifications,
      RecipientRepository recipients,
      SecretBox secrets,
      ObjectMapper json,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      RecipientProperties properties,
      Clock clock) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.secrets = secrets;
    this.json = json;
    this.tx = tx;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
    // Redirects are not followed: a recipient's endpoint is registered, not discovered.
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** Thrown to have the attempt retried; its message is already on the row. */
  static final class DeliveryFailed extends RuntimeException {
    DeliveryFailed(String message) {
      super(message, null, false, false);
    }
  }

  void deliver(DeliveryTasks.NotificationRef ref) {
    StoredNotification notification = notifications.find(ref.org(), ref.notificationId()).orElse(null);
    if (notification == null || notification.status() != NotificationStatus.PENDING) {
      return; // delivered, given up or cancelled meanwhile (or by a run before a crash)
    }
    StoredRecipient recipient = recipients.find(ref.org(), notification.recipientId()).orElse(null);
    if (recipient == null) {
      return; // deleted: its pending notifications were cancelled with it
    }
    Integer status = null;
    String error;
    try {
      HttpResponse<Void> response = http.send(request(recipient, notification), HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status >= 200 && status < 300) {
        delivered(ref, status);
        return;
      }
      error = "The recipient answered HTTP " + status + ".";
    } catch (HttpConnectTimeoutException e) {
      error = "No connection within " + properties.connectTimeout().toMillis() + " ms.";
    } catch (HttpTimeoutException e) {
      error = "No answer within " + properties.requestTimeout().toMillis() + " ms.";
    } catch (ConnectException e) {
      error = "The connection was refused or could not be made.";
    } catch (IOException e) {
      error = "The request failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted while delivering.");
    } catch (SecretUnavailable e) {
      error = e.getMessage();
    }
    String recorded = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    notifications.recordFailedAttempt(ref.org(), ref.notificationId(), status, recorded, clock.instant());
    log.warn("Notification {} to recipient {} not delivered: {}", ref.notificationId(), recipient.id(), recorded);
    throw new DeliveryFailed(recorded);
  }

  /** The retries are spent: the notification ends FAILED with the last attempt's status and error. */
  void giveUp(DeliveryTasks.NotificationRef ref) {
    tx.executeWithoutResult(
        status ->
            notifications
                .markFailed(ref.org(), ref.notificationId())
                .ifPresent(
                    failed -> {
                      log.error("Notification {} to recipient {} failed after {} attempts: {}",
                          failed.id(), failed.recipientId(), failed.attempts(), failed.lastError());
                      audit(failed, "recipient.notification.failed", failed.lastStatus());
                    }));
  }

  private void delivered(DeliveryTasks.NotificationRef ref, int httpStatus) {
    tx.executeWithoutResult(
        status ->
            notifications
                .recordDelivered(ref.org(), ref.notificationId(), httpStatus, clock.instant())
                .ifPresent(done -> audit(done, "recipient.notification.delivered", httpStatus)));
  }

  private void audit(StoredNotification notification, String action, Integer httpStatus) {
    Map<String, String> details = new HashMap<>();
    details.put("recipientId", notification.recipientId().toString());
    details.put("requestId", notification.requestId().toString());
    details.put("attempts", Integer.toString(notification.attempts()));
    if (httpStatus != null) {
      details.put("httpStatus", httpStatus.toString());
    }
    events.publishEvent(
        new AuditableEvent(notification.org(), action, "system", "recipientNotification", notification.id().toString(), details));
  }

  private HttpRequest request(StoredRecipient recipient, StoredNotification notification) {
    byte[] body = body(notification);
    return HttpRequest.newBuilder(URI.create(recipient.url()))
        .timeout(properties.requestTimeout())
        .header("Content-Type", "application/json")
        .header(WebhookSignature.HEADER, WebhookSignature.of(secretOf(recipient), body))
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
        .header(WebhookSignature.DELIVERY_HEADER, notification.id().toString())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private byte[] body(StoredNotification n) {
    try {
      return json.writeValueAsBytes(
          new NotificationBody(n.id().toString(), n.requestId().toString(), n.requestType(), n.completedAt(), n.org().toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String secretOf(StoredRecipient recipient) {
    try {
      return secrets.open(recipient.secretEncrypted(), recipient.secretBinding());
    } catch (RuntimeException e) {
      throw new SecretUnavailable();
    }
  }

  /** The sealed secret did not open (platform key changed, or the row was tampered with). */
  private static final class SecretUnavailable extends RuntimeException {
    SecretUnavailable() {
      super("The recipient's signing secret could not be decrypted; delete the recipient and register it again.", null, false, false);
    }
  }
}

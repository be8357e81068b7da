package io.datarights.recipients.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.egress.EgressPolicy;
import io.datarights.egress.EgressRefused;
import io.datarights.shared.AuditableEvent;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one delivery attempt of a notification: a signed POST of ids only, to an address the
 * egress policy allows (checked after resolution, on every attempt, and connected to as checked).
 * A 2xx is delivered; anything else is recorded on the row as a coarse class and thrown, for the
 * task's back-off to try again.
 */
@Component
class NotificationSender implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
  private static final ContentType JSON = ContentType.create("application/json");

  /** The JSON body: the same bytes on every attempt, so receivers can dedupe by {@code id}. */
  record NotificationBody(String id, String requestId, String requestType, Instant completedDate, String org) {}

  private final NotificationRepository notifications;
  private final RecipientRepository recipients;
  private final SecretBox secrets;
  private final ObjectMapper json;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CloseableHttpClient http;

  NotificationSender(
      NotificationRepository notifications,
      RecipientRepository recipients,
      SecretBox secrets,
      ObjectMapper json,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      RecipientProperties properties,
      EgressPolicy egress,
      Clock clock) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.secrets = secrets;
    this.json = json;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    // One connection per delivery thread at most; redirects are not followed (a recipient's
    // endpoint is registered, not discovered).
    this.http = egress.newHttpClient(properties.connectTimeout(), properties.requestTimeout(), properties.deliveryThreads());
  }

  /** Thrown to have the attempt retried; the failure is already on the row, {@code attempts} counts this one. */
  static final class DeliveryFailed extends RuntimeException {
    private final int attempts;

    DeliveryFailed(DeliveryFailure failure, int attempts) {
      super(failure.name(), null, false, false);
      this.attempts = attempts;
    }

    int attempts() {
      return attempts;
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
    DeliveryFailure failure;
    try (ClassicHttpResponse response = http.executeOpen(null, request(recipient, notification), null)) {
      // The body is not read: closing an unread response drops the connection.
      status = response.getCode();
      if (status >= 200 && status < 300) {
        delivered(ref, status);
        return;
      }
      failure = DeliveryFailure.HTTP_STATUS;
    } catch (IOException e) {
      failure = classify(e);
    } catch (SecretUnavailable e) {
      failure = DeliveryFailure.SECRET_UNAVAILABLE;
    }
    int attempts = notifications.recordFailedAttempt(ref.org(), ref.notificationId(), status, failure, clock.instant());
    log.warn("Notification {} to recipient {} not delivered: {}{}", ref.notificationId(), recipient.id(), failure,
        status == null ? "" : " " + status);
    throw new DeliveryFailed(failure, attempts);
  }

  /** The exception's class decides, never its message (which may quote the remote). */
  static DeliveryFailure classify(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EgressRefused) {
        return DeliveryFailure.ADDRESS_NOT_ALLOWED;
      }
    }
    if (e instanceof ConnectTimeoutException) {
      return DeliveryFailure.UNREACHABLE;
    }
    if (e instanceof SocketTimeoutException) {
      return DeliveryFailure.TIMEOUT;
    }
    return DeliveryFailure.UNREACHABLE;
  }

  /** The retries are spent: the notification ends FAILED with the last attempt's status and failure. */
  void giveUp(DeliveryTasks.NotificationRef ref) {
    tx.executeWithoutResult(
        status ->
            notifications
                .markFailed(ref.org(), ref.notificationId())
                .ifPresent(
                    failed -> {
                      log.error("Notification {} to recipient {} failed after {} attempts: {}",
                          failed.id(), failed.recipientId(), failed.attempts(), failed.lastFailure());
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
    if (notification.lastFailure() != null && notification.status() == NotificationStatus.FAILED) {
      details.put("failure", notification.lastFailure().name());
    }
    events.publishEvent(
        new AuditableEvent(notification.org(), action, "system", "recipientNotification", notification.id().toString(), details));
  }

  private HttpPost request(StoredRecipient recipient, StoredNotification notification) {
    byte[] body = body(notification);
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(URI.create(recipient.url()));
    post.setHeader(WebhookSignature.HEADER, WebhookSignature.of(secretOf(recipient), timestamp, body));
    post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    post.setHeader(WebhookSignature.DELIVERY_HEADER, notification.id().toString());
    post.setEntity(new ByteArrayEntity(body, JSON));
    return post;
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

  @Override
  public void destroy() throws IOException {
    http.close();
  }

  /** The sealed secret did not open (platform key changed, or the row was tampered with). */
  private static final class SecretUnavailable extends RuntimeException {
    SecretUnavailable() {
      super("The recipient's signing secret could not be decrypted; delete the recipient and register it again.", null, false, false);
    }
  }
}

package io.datarights.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

class RecipientNotificationsTest extends IntegrationTest {

  private static final String PATH = "/api/v2/governance/recipients";
  private static final String SECRET = "shared-secret-of-the-test-receiver";

  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  private WebhookReceiver receiver;

  @BeforeEach
  void startReceiver() {
    receiver = WebhookReceiver.start();
    receiver.expectSecret(SECRET);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private String createRecipient(Tenant tenant, String path, List<String> events, boolean active) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Recipient " + path);
    body.put("url", receiver.url(path));
    body.put("secret", SECRET);
    body.put("events", events);
    body.put("active", active);
    Api.Response created = tenant.api().post(PATH, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private String fileAndComplete(Tenant tenant, String requestType) {
    Map<String, Object> request = new HashMap<>();
    request.put("requestType", requestType);
    request.put("subject", Map.of("emailAddresses", List.of("x@example.com")));
    if (requestType.equals("GDPR_UPDATE")) {
      request.put("replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "x@example.com", "updatedValue", "y@example.com")));
    }
    Api.Response filed = tenant.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", request);
    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    String id = filed.json().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return id;
  }

  private JsonNode deliveries(Tenant tenant, String recipientId) {
    return tenant.api().get(PATH + "/" + recipientId + "/deliveries").json();
  }

  /** Every delivery task finished: nothing more will be sent. */
  private void awaitNoDeliveryScheduled() {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.sql("select count(*) from recipient_delivery_tasks").query(Long.class).single() == 0);
  }

  @Test
  void aCompletedErasureIsDeliveredSignedWithIdsOnly() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/crm", List.of("GDPR_DELETE"), true);

    String requestId = fileAndComplete(acme, "GDPR_DELETE");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedTotal() == 1);
    WebhookReceiver.Call call = receiver.calls().get(0);
    assertThat(call.signatureValid()).isTrue();
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
    JsonNode payload = call.json();
    assertThat(payload.get("requestId").asText()).isEqualTo(requestId);
    assertThat(payload.get("requestType").asText()).isEqualTo("GDPR_DELETE");
    assertThat(payload.get("org").asText()).isEqualTo(acme.orgId());
    assertThat(payload.get("id").asText()).isEqualTo(call.header("X-Datarights-Delivery"));
    JsonNode request = acme.api().get("/api/v2/gdpr/requests/" + requestId).json();
    // The request answers in milliseconds, as Genesys times do.
    assertThat(Instant.parse(payload.get("completedDate").asText()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
        .isEqualTo(Instant.parse(request.get("completedDate").asText()));
    assertThat(Long.parseLong(call.header("X-Datarights-Timestamp"))).isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(5L));
    assertThat(payload.properties()).extracting(Map.Entry::getKey)
        .as("ids only, no personal data").containsExactlyInAnyOrder("id", "requestId", "requestType", "completedDate", "org");
    assertThat(call.text()).doesNotContain("example.com");

    await().atMost(Duration.ofSeconds(10))
        .until(() -> deliveries(acme, recipientId).get("entities").get(0).get("status").asText().equals("DELIVERED"));
    JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
    assertThat(delivery.get("id").asText()).isEqualTo(payload.get("id").asText());
    assertThat(delivery.get("requestId").asText()).isEqualTo(requestId);
    assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
    assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
    assertThat(delivery.get("deliveredDate").asText()).isNotBlank();
    assertThat(delivery.has("lastFailure")).isFalse();
    JsonNode audit = acme.api().get("/api/v2/audits?action=recipient.notification.delivered").json().get("entities").get(0);
    assertThat(audit.get("targetId").asText()).isEqualTo(payload.get("id").asText());
    assertThat(audit.get("details").get("recipientId").asText()).isEqualTo(recipientId);
  }

  @Test
  void aFailingRecipientIsRetriedWithTheSameNotificationAndAcceptsItExactlyOnce() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/flaky", List.of("GDPR_DELETE"), true);
    receiver.failNext(2);

    fileAndComplete(acme, "GDPR_DELETE");

    awaitNoDeliveryScheduled();
    List<WebhookReceiver.Call> calls = receiver.calls();
    assertThat(calls).extracting(WebhookReceiver.Call::answered).containsExactly(500, 500, 204);
    String deliveryId = calls.get(0).header("X-Datarights-Delivery");
    assertThat(calls).allSatisfy(c -> {
      assertThat(c.header("X-Datarights-Delivery")).isEqualTo(deliveryId);
      assertThat(c.text()).isEqualTo(calls.get(0).text());
      assertThat(c.signatureValid()).isTrue();
    });
    assertThat(receiver.acceptedCount(deliveryId)).isEqualTo(1);
    JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
    assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
    assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(204);
  }

  @Test
  void aRecipientThatKeepsFailingEndsFailedWithTheLastStatusAndError() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/down", List.of("GDPR_DELETE"), true);
    receiver.failNext(1000);

    fileAndComplete(acme, "GDPR_DELETE");

    awaitNoDeliveryScheduled();
    JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
    assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
    assertThat(delivery.get("attempts").asInt()).as("the first attempt and 3 retries").isEqualTo(4);
    assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(500);
    assertThat(delivery.get("lastFailure").asText()).isEqualTo("HTTP_STATUS");
    assertThat(delivery.has("deliveredDate")).isFalse();
    assertThat(receiver.calls()).hasSize(4);
    JsonNode audit = acme.api().get("/api/v2/audits?action=recipient.notification.failed").json().get("entities").get(0);
    assertThat(audit.get("targetId").asText()).isEqualTo(delivery.get("id").asText());
    assertThat(audit.get("details").get("attempts").asText()).isEqualTo("4");
  }

  @Test
  void anUnreachableRecipientIsRecordedAsSuch() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/gone", List.of("GDPR_DELETE"), true);
    receiver.close(); // nothing listens on its port any more

    fileAndComplete(acme, "GDPR_DELETE");

    awaitNoDeliveryScheduled();
    JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
    assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
    assertThat(delivery.has("lastStatusCode")).isFalse();
    assertThat(delivery.get("lastFailure").asText()).isEqualTo("UNREACHABLE");
  }

  @Test
  void aRectificationNotifiesOnlyActiveRecipientsSubscribedToUpdates() {
    Tenant acme = newTenant("Acme");
    String updates = createRecipient(acme, "/updates", List.of("GDPR_UPDATE"), true);
    String deletes = createRecipient(acme, "/deletes", List.of("GDPR_DELETE"), true);
    String paused = createRecipient(acme, "/paused", List.of("GDPR_UPDATE", "GDPR_DELETE"), false);

    String requestId = fileAndComplete(acme, "GDPR_UPDATE");

    awaitNoDeliveryScheduled();
    assertThat(receiver.callsTo("/updates")).singleElement()
        .satisfies(c -> assertThat(c.json().get("requestType").asText()).isEqualTo("GDPR_UPDATE"))
        .satisfies(c -> assertThat(c.json().get("requestId").asText()).isEqualTo(requestId));
    assertThat(receiver.calls()).hasSize(1);
    assertThat(deliveries(acme, updates).get("total").asLong()).isEqualTo(1);
    assertThat(deliveries(acme, deletes).get("total").asLong()).isZero();
    assertThat(deliveries(acme, paused).get("total").asLong()).isZero();
  }

  @Test
  void anExportNotifiesNobody() {
    Tenant acme = newTenant("Acme");
    createRecipient(acme, "/crm", List.of("GDPR_UPDATE", "GDPR_DELETE"), true);

    fileAndComplete(acme, "GDPR_EXPORT");

    // Notifications are written in the transaction that completes the request: none now, none later.
    assertThat(count("recipient_notifications")).isZero();
    assertThat(receiver.calls()).isEmpty();
  }

  @Test
  void anotherOrgsRecipientsAreNotNotified() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String acmeRecipient = createRecipient(acme, "/acme", List.of("GDPR_DELETE"), true);
    String globexRecipient = createRecipient(globex, "/globex", List.of("GDPR_DELETE"), true);

    String requestId = fileAndComplete(acme, "GDPR_DELETE");

    awaitNoDeliveryScheduled();
    assertThat(receiver.callsTo("/acme")).hasSize(1);
    assertThat(receiver.callsTo("/globex")).isEmpty();
    assertThat(deliveries(globex, globexRecipient).get("total").asLong()).isZero();
    assertThat(globex.api().get(PATH + "/" + acmeRecipient + "/deliveries").status()).isEqualTo(404);
    assertThat(globex.api().get(PATH + "/" + acmeRecipient + "/deliveries").text()).doesNotContain(requestId);
  }

  @Test
  void theCompletionSeenTwiceStillMakesOneNotificationPerRecipient() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/crm", List.of("GDPR_DELETE"), true);
    AuditableEvent completed =
        new AuditableEvent(OrgId.of(acme.orgId()), "gdpr.request.completed", "system", "gdprRequest",
            UUID.randomUUID().toString(), Map.of("requestType", "GDPR_DELETE"));

    tx.executeWithoutResult(status -> events.publishEvent(completed));
    tx.executeWithoutResult(status -> events.publishEvent(completed));

    awaitNoDeliveryScheduled();
    assertThat(deliveries(acme, recipientId).get("total").asLong()).isEqualTo(1);
    assertThat(receiver.calls()).hasSize(1);
    assertThat(receiver.acceptedCount(receiver.calls().get(0).header("X-Datarights-Delivery"))).isEqualTo(1);
  }

  @Test
  void aCompletionThatRollsBackLeavesNoNotification() {
    Tenant acme = newTenant("Acme");
    createRecipient(acme, "/crm", List.of("GDPR_DELETE"), true);
    AuditableEvent completed =
        new AuditableEvent(OrgId.of(acme.orgId()), "gdpr.request.completed", "system", "gdprRequest",
            UUID.randomUUID().toString(), Map.of("requestType", "GDPR_DELETE"));

    tx.executeWithoutResult(status -> {
      events.publishEvent(completed);
      status.setRollbackOnly();
    });

    assertThat(count("recipient_notifications")).isZero();
    assertThat(jdbc.sql("select count(*) from recipient_delivery_tasks").query(Long.class).single())
        .as("the delivery task is part of the same transaction").isZero();
  }

  @Test
  void deletingARecipientCancelsWhatItWasStillToReceive() {
    Tenant acme = newTenant("Acme");
    String recipientId = createRecipient(acme, "/down", List.of("GDPR_DELETE"), true);
    receiver.failNext(1000);
    fileAndComplete(acme, "GDPR_DELETE");
    await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.calls().isEmpty());

    assertThat(acme.api().delete(PATH + "/" + recipientId).status()).isEqualTo(204);

    awaitNoDeliveryScheduled();
    assertThat(jdbc.sql("select status from recipient_notifications").query(String.class).single()).isEqualTo("CANCELLED");
    assertThat(receiver.acceptedTotal()).isZero();
  }

  @Test
  void aStoredRecipientWhoseAddressIsNoLongerAllowedIsNotContactedAndItsDeliveryIsRecordedAsSuch() throws Exception {
    Tenant acme = newTenant("Acme");
    // 127.0.0.2 is loopback too, but outside the allowed range (127.0.0.1/32) of the tests.
    try (SilentListener internal = SilentListener.neverAnswering(java.net.InetAddress.getByName("127.0.0.2"))) {
      assertThat(acme.api().post(PATH, Map.of("name", "Internal", "url", internal.url("/hook"))).status())
          .as("refused when registered").isEqualTo(400);
      // Registered while it was allowed (or under a name that resolved elsewhere then): the URL is stored.
      String recipientId = createRecipient(acme, "/allowed-then", List.of("GDPR_DELETE"), true);
      jdbc.sql("update recipients set url = :url").param("url", internal.url("/hook")).update();

      fileAndComplete(acme, "GDPR_DELETE");

      awaitNoDeliveryScheduled();
      assertThat(internal.acceptedCount()).as("no connection was made").isZero();
      JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
      assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
      assertThat(delivery.get("lastFailure").asText()).isEqualTo("ADDRESS_NOT_ALLOWED");
      assertThat(delivery.has("lastStatusCode")).isFalse();
      assertThat(delivery.toString()).doesNotContain("127.0.0.2");
    }
  }

  @Test
  void aClosedPortAndAServerThatHangsUpAreBothRecordedAsUnreachableWithoutTheirErrors() {
    Tenant acme = newTenant("Acme");
    String closed = createRecipient(acme, "/closed", List.of("GDPR_DELETE"), true);
    try (SilentListener hangsUp = SilentListener.hangingUp(java.net.InetAddress.getLoopbackAddress())) {
      String hangingUp = createRecipient(acme, "/hangs-up", List.of("GDPR_DELETE"), true);
      jdbc.sql("update recipients set url = :url where recipient_id = :id")
          .param("url", hangsUp.url("/hook")).param("id", UUID.fromString(hangingUp)).update();
      receiver.close(); // nothing listens on the first one's port any more

      fileAndComplete(acme, "GDPR_DELETE");

      awaitNoDeliveryScheduled();
      assertThat(hangsUp.acceptedCount()).as("the second one was contacted").isPositive();
      for (String recipientId : List.of(closed, hangingUp)) {
        JsonNode delivery = deliveries(acme, recipientId).get("entities").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
        assertThat(delivery.get("lastFailure").asText()).isEqualTo("UNREACHABLE");
        assertThat(delivery.has("lastStatusCode")).isFalse();
        assertThat(delivery.toString().toLowerCase()).doesNotContain("refused", "parser", "bytes", "reset", "exception");
      }
      assertThat(jdbc.sql("select distinct last_failure from recipient_notifications").query(String.class).list())
          .containsExactly("UNREACHABLE");
    }
  }

  @Test
  void aReceiverCheckingTheSignedTimestampAcceptsTheDeliveryButNotTheSameBodyWithAnotherTimestamp() {
    Tenant acme = newTenant("Acme");
    createRecipient(acme, "/crm", List.of("GDPR_DELETE"), true);

    fileAndComplete(acme, "GDPR_DELETE");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedTotal() == 1);
    WebhookReceiver.Call call = receiver.calls().get(0);
    assertThat(call.signatureValid()).as("HMAC-SHA256 of timestamp + '.' + body, within 5 minutes").isTrue();
    String timestamp = call.header("X-Datarights-Timestamp");
    String signature = call.header("X-Datarights-Signature");
    Instant now = Instant.now();
    assertThat(WebhookReceiver.verify(SECRET, signature, timestamp, call.body(), now)).isTrue();

    // A replay with a fresh timestamp but the captured signature: the signature no longer matches.
    String fresh = Long.toString(Long.parseLong(timestamp) + 120);
    assertThat(WebhookReceiver.verify(SECRET, signature, fresh, call.body(), now)).isFalse();
    assertThat(receiver.replay(call, Map.of("X-Datarights-Timestamp", fresh))).isEqualTo(401);
    // Replayed as captured: within the window it verifies, and the delivery id makes it a duplicate.
    assertThat(receiver.replay(call, Map.of())).isEqualTo(204);
    assertThat(receiver.duplicatesIgnored()).isEqualTo(1);
    assertThat(receiver.acceptedTotal()).isEqualTo(1);
    // Outside the window a correctly signed call is refused too.
    String old = Long.toString(now.minus(Duration.ofMinutes(6)).getEpochSecond());
    assertThat(WebhookReceiver.verify(SECRET, WebhookReceiver.sign(SECRET, old, call.body()), old, call.body(), now)).isFalse();
  }
}

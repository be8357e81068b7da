package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.conversations.BulkConversation;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A subject with 1,000 conversations and 100 attachments: export and erasure each complete in
 * seconds. Prints the times; docs/benchmarks.md records them with the machine.
 */
@Tag("slow")
class LargeSubjectRequestTest extends IntegrationTest {

  @Autowired ConversationsBulkLoad conversations;
  @Autowired TransactionTemplate tx;

  private void seed(OrgId org, String contactId) {
    List<BulkConversation> batch = new ArrayList<>();
    Instant start = Instant.parse("2026-01-01T08:00:00Z");
    for (int i = 0; i < 1000; i++) {
      UUID customer = UUID.randomUUID();
      List<BulkConversation.File> files =
          i % 10 == 0
              ? List.of(new BulkConversation.File(UUID.randomUUID(), customer, "attachment", "photo-" + i + ".jpg", "image/jpeg", new byte[50_000]))
              : List.of();
      batch.add(new BulkConversation(UUID.randomUUID(), "message", "whatsapp", start.plusSeconds(600L * i), start.plusSeconds(600L * i + 300),
          List.of(new BulkConversation.Participant(customer, "customer", "Big Subject", "+49 171 5550000", null, contactId, Map.of()),
              new BulkConversation.Participant(UUID.randomUUID(), "agent", "Agent", null, null, null, Map.of())),
          List.of(new BulkConversation.Message(UUID.randomUUID(), customer, "message " + i, start.plusSeconds(600L * i))),
          files));
    }
    tx.executeWithoutResult(status -> conversations.load(org, batch));
  }

  private record Timed(JsonNode request, long millis) {}

  private Timed timeToComplete(Api api, String path, Map<String, Object> body) {
    long started = System.nanoTime();
    String id = api.post(path, body).json().get("id").asText();
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new Timed(api.get("/api/v2/gdpr/requests/" + id).json(), millis);
  }

  @Test
  void exportAndErasureOfASubjectWithAThousandConversationsCompleteInSeconds() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String contact = api.post("/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Big", "lastName", "Subject", "cellPhone", Map.of("display", "+49 171 5550000"))).json().get("id").asText();
    seed(OrgId.of(acme.orgId()), contact);
    Map<String, Object> subject = Map.of("externalContactId", contact);

    Timed export = timeToComplete(api, "/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", subject));
    Timed delete = timeToComplete(api, "/api/v2/gdpr/requests?deleteConfirmed=true", Map.of("requestType", "GDPR_DELETE", "subject", subject));
    long exportMillis = export.millis();
    long deleteMillis = delete.millis();
    JsonNode exported = export.request();
    JsonNode deleted = delete.request();

    System.out.printf("BENCH large-subject export: 1000 conversations, 100 attachments: %d ms%n", exportMillis);
    System.out.printf("BENCH large-subject delete: 1000 conversations, 100 attachments: %d ms%n", deleteMillis);
    assertThat(exported.get("services").toString()).contains("\"exported\":1000");
    assertThat(deleted.get("verifiedErased").asBoolean()).isTrue();
    assertThat(deleted.get("services").toString()).contains("\"anonymized\":1000");
    assertThat(exportMillis).isLessThan(60_000);
    assertThat(deleteMillis).isLessThan(60_000);
  }
}

package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The search after an erasure is a real check: {@code verifiedErased} is false, with what was still
 * found, when the subject's data is there again by the time the erasure finishes.
 */
class ErasureVerificationTest extends IntegrationTest {

  private static final String CONTACTS = "/api/v2/externalcontacts/contacts";

  private static String contact(Api api, String email) {
    Api.Response created = api.post(CONTACTS, Map.of("firstName", "Jane", "lastName", "Doe", "workEmail", email));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static JsonNode service(JsonNode request, String name) {
    for (JsonNode service : request.get("services")) {
      if (service.get("name").asText().equals(name)) {
        return service;
      }
    }
    throw new AssertionError("no " + name + " outcome in " + request);
  }

  private static JsonNode awaitRequest(Api api, String id, java.util.function.Predicate<JsonNode> condition) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> condition.test(api.get("/api/v2/gdpr/requests/" + id).json()));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  @Test
  void aContactCreatedWithTheSubjectsEmailWhileTheErasureRunsMakesItUnverifiedWithTheCountStillFound() {
    Api api = newTenant("Acme").api();
    String erased = contact(api, "jane@example.com");
    gate.close(); // the test gate's step waits, so the erasure cannot finish yet

    String id =
        api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
                Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("jane@example.com"))))
            .json().get("id").asText();
    awaitRequest(api, id, r -> service(r, "externalContacts").get("status").asText().equals("DONE"));
    assertThat(api.get(CONTACTS + "/" + erased).status()).isEqualTo(404);
    String createdMeanwhile = contact(api, "Jane@Example.com");
    gate.open();
    JsonNode done = awaitRequest(api, id, r -> r.get("status").asText().equals("COMPLETED"));

    assertThat(done.get("verifiedErased").asBoolean()).as(done.toString()).isFalse();
    assertThat(done.get("stillFound").asLong()).isEqualTo(1);
    assertThat(service(done, "externalContacts").get("deleted").asLong()).isEqualTo(1);
    assertThat(service(done, "externalContacts").get("stillFound").asLong()).isEqualTo(1);
    assertThat(service(done, "conversations").get("stillFound").asLong()).isZero();
    assertThat(api.get(CONTACTS + "/" + createdMeanwhile).status()).as("verification reports, it erases nothing").isEqualTo(200);
  }

  @Test
  void aCompleteErasureIsVerifiedWithNothingStillFound() {
    Api api = newTenant("Acme").api();
    contact(api, "jane@example.com");

    String id =
        api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
                Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("jane@example.com"))))
            .json().get("id").asText();
    JsonNode done = awaitRequest(api, id, r -> r.get("status").asText().equals("COMPLETED"));

    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    assertThat(done.get("stillFound").asLong()).isZero();
    assertThat(service(done, "externalContacts").get("stillFound").asLong()).isZero();
  }

  @Test
  void anExportShowsNoVerification() {
    Api api = newTenant("Acme").api();
    String id =
        api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("jane@example.com"))))
            .json().get("id").asText();
    JsonNode done = awaitRequest(api, id, r -> r.get("status").asText().equals("COMPLETED"));

    assertThat(done.has("verifiedErased")).isFalse();
    assertThat(done.has("stillFound")).isFalse();
    assertThat(service(done, "externalContacts").has("stillFound")).isFalse();
  }
}

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

class MergeSetFanOutTest extends IntegrationTest {

  private String contact(Api api, Map<String, Object> body) {
    Api.Response created = api.post("/api/v2/externalcontacts/contacts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private JsonNode awaitCompleted(Api api, String id) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  @Test
  void aDeleteForAMergedContactCreatesLinkedRequestsForTheWholeSetAndErasesIt() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String a = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    String b = contact(api, Map.of("firstName", "Jurgen", "lastName", "Muller", "cellPhone", Map.of("display", "0171 2345678")));
    String c = contact(api, Map.of("firstName", "J.", "lastName", "Müller", "personalEmail", "jm@example.org"));
    String bystander = contact(api, Map.of("firstName", "Anna", "lastName", "Schmidt", "workEmail", "anna@example.com"));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", b, "targetContactId", a));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", c, "targetContactId", a));

    JsonNode primary =
        api.post("/api/v2/gdpr/requests?deleteConfirmed=true", Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", b)))
            .json();

    List<String> related = primary.get("relatedRequests").findValuesAsText("id");
    assertThat(related).hasSize(2);
    for (String id : related) {
      JsonNode other = awaitCompleted(api, id);
      assertThat(other.get("relatedRequests").findValuesAsText("id")).as("linked both ways").contains(primary.get("id").asText());
      assertThat(other.get("verifiedErased").asBoolean()).isTrue();
    }
    JsonNode done = awaitCompleted(api, primary.get("id").asText());
    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    for (String id : List.of(a, b, c)) {
      assertThat(api.get("/api/v2/externalcontacts/contacts/" + id).status()).isEqualTo(404);
    }
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + bystander).status()).isEqualTo(200);
    assertThat(api.get("/api/v2/gdpr/subjects?searchType=PHONE&searchValue=%2B49171%202345678").json().get("entities")).isEmpty();
  }

  @Test
  void aDeleteByIdErasesThatPersonButNeverANamesake() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String jurgen = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com",
        "address", Map.of("address1", "Hauptstraße 5", "city", "Berlin")));
    String namesake = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "other.jm@example.org",
        "address", Map.of("address1", "Hauptstraße 5", "city", "Berlin")));

    String id = api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", jurgen))).json().get("id").asText();
    JsonNode done = awaitCompleted(api, id);

    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + jurgen).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + namesake).status())
        .as("same name and address, another person: untouched").isEqualTo(200);
  }

  @Test
  void aRequestForAContactOutsideAnySetHasNoRelatedRequests() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme.api(), Map.of("firstName", "Solo", "lastName", "Person", "workEmail", "solo@example.com"));

    JsonNode request =
        acme.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", a))).json();

    assertThat(request.path("relatedRequests")).isEmpty();
    assertThat(count("gdpr_requests")).isEqualTo(1);
  }
}

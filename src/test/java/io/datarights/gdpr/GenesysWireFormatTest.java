package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fields and values that the Genesys Platform API v2 SDKs read (models GDPRRequest,
 * GDPRSubject, ReplacementTerm, GDPRRequestEntityListing) have the names and types they expect.
 */
class GenesysWireFormatTest extends IntegrationTest {

  private static final Set<String> REQUEST_STATUSES =
      Set.of("INITIATED", "SEARCHING", "UPDATING", "DELETING", "FINALIZING", "COMPLETED", "ERROR");

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aRequestCarriesTheGenesysFieldsWithTheirTypes() {
    Tenant acme = newTenant("Acme");
    JsonNode created = acme.api().post("/api/v2/gdpr/requests", Map.of(
        "requestType", "GDPR_UPDATE", "name", "ticket 4711",
        "subject", Map.of("emailAddresses", List.of("old@example.com")),
        "replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "old@example.com", "updatedValue", "new@example.com")))).json();
    String id = created.get("id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> acme.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));

    JsonNode request = acme.api().get("/api/v2/gdpr/requests/" + id).json();

    assertThat(fields(request)).contains("id", "name", "createdBy", "replacementTerms", "requestType", "createdDate", "status", "subject", "selfUri");
    assertThat(request.get("createdDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    assertThat(REQUEST_STATUSES).contains(request.get("status").asText(), created.get("status").asText());
    assertThat(fields(request.get("createdBy"))).contains("id", "selfUri");
    assertThat(fields(request.get("replacementTerms").get(0))).containsExactlyInAnyOrder("type", "existingValue", "updatedValue");
    assertThat(request.get("subject").get("emailAddresses").isArray()).isTrue();
    assertThat(request.get("selfUri").asText()).isEqualTo("/api/v2/gdpr/requests/" + id);

    JsonNode listing = acme.api().get("/api/v2/gdpr/requests").json();
    assertThat(fields(listing)).contains("entities", "pageSize", "pageNumber", "total", "pageCount", "selfUri", "firstUri", "lastUri");
  }

  @Test
  void aSubjectCarriesExactlyOneIdAndItsIdentifiersAsGenesysNamesThem() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Ann", "lastName", "Lee", "workEmail", "ann@example.com",
        "cellPhone", Map.of("display", "+49 171 2345678"), "twitterId", Map.of("screenName", "annlee")));
    acme.api().post("/api/v2/users", Map.of("name", "Ann Lee", "email", "ann.lee@acme.example"));

    JsonNode subjects = acme.api().get("/api/v2/gdpr/subjects?searchType=NAME&searchValue=Lee%20Ann").json().get("entities");

    assertThat(subjects).hasSize(2);
    Set<String> ids = Set.of("userId", "externalContactId", "dialerContactId", "journeyCustomer");
    for (JsonNode subject : subjects) {
      assertThat(fields(subject).stream().filter(ids::contains)).hasSize(1);
      assertThat(Set.of("name", "userId", "externalContactId", "dialerContactId", "journeyCustomer", "socialHandle", "externalId",
          "addresses", "phoneNumbers", "emailAddresses")).containsAll(fields(subject));
    }
    JsonNode contact = subjects.get(0).has("externalContactId") ? subjects.get(0) : subjects.get(1);
    assertThat(contact.get("socialHandle").get("type").asText()).isEqualTo("TWITTER");
    assertThat(contact.get("phoneNumbers").isArray()).isTrue();
  }
}

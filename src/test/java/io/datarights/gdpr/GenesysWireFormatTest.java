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
          "addresses", "phoneNumbers", "emailAddresses", "socialHandles")).as("Genesys fields and the one extension").containsAll(fields(subject));
    }
    JsonNode contact = subjects.get(0).has("externalContactId") ? subjects.get(0) : subjects.get(1);
    assertThat(contact.get("socialHandle").get("type").asText()).isEqualTo("TWITTER");
    assertThat(contact.get("phoneNumbers").isArray()).isTrue();
  }
  @Test
  void aSubjectWhoseOnlySocialIdentityIsAWhatsAppNumberHasItInPhoneNumbersAndNoSocialHandle() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Wanda", "lastName", "Wu",
        "whatsAppId", Map.of("phoneNumber", Map.of("display", "+49 151 23456789"), "displayName", "Wanda")));

    JsonNode subjects = acme.api().get("/api/v2/gdpr/subjects?searchType=WHATSAPP&searchValue=%2B4915123456789").json().get("entities");

    assertThat(subjects).hasSize(1);
    assertThat(subjects.get(0).has("socialHandle")).as("no socialHandle of a type Genesys does not model").isFalse();
    assertThat(subjects.get(0).get("phoneNumbers")).extracting(JsonNode::asText).containsExactly("+4915123456789");
  }

  @Test
  void socialHandlesOfTypesGenesysDoesNotModelAreAnsweredOnlyInTheExtensionList() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Fay", "lastName", "Fox",
        "facebookId", Map.of("displayName", "fay.fox"), "instagramId", Map.of("screenName", "fayfox"),
        "appleMessagesId", Map.of("value", "urn:biz:fay")));
    String id = acme.api().post("/api/v2/gdpr/requests", Map.of(
        "requestType", "GDPR_EXPORT", "subject", Map.of("socialHandle", Map.of("type", "INSTAGRAM", "value", "fayfox")))).json().get("id").asText();

    JsonNode subject = acme.api().get("/api/v2/gdpr/subjects?searchType=FACEBOOK&searchValue=fay.fox").json().get("entities").get(0);
    JsonNode echoed = acme.api().get("/api/v2/gdpr/requests/" + id).json().get("subject");

    assertThat(subject.has("socialHandle")).isFalse();
    assertThat(subject.get("socialHandles")).extracting(h -> h.get("type").asText() + ":" + h.get("value").asText())
        .containsExactlyInAnyOrder("FACEBOOK:fay.fox", "INSTAGRAM:fayfox", "APPLE_MESSAGES:urn:biz:fay");
    assertThat(echoed.has("socialHandle")).isFalse();
    assertThat(echoed.get("socialHandles")).extracting(h -> h.get("type").asText() + ":" + h.get("value").asText())
        .containsExactly("INSTAGRAM:fayfox");
  }

  @Test
  void createdDateHasMillisecondsInTheAnswerToPostAndToGetAlike() {
    java.time.Instant created = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusNanos(123_456_789);
    clock.set(created);
    String expected = created.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    Tenant acme = newTenant("Acme");
    JsonNode answer = acme.api().post("/api/v2/gdpr/requests", Map.of(
        "requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("ms@example.com")))).json();

    JsonNode read = acme.api().get("/api/v2/gdpr/requests/" + answer.get("id").asText()).json();
    JsonNode listed = acme.api().get("/api/v2/gdpr/requests").json().get("entities").get(0);

    assertThat(expected).endsWith(".123Z");
    assertThat(answer.get("createdDate").asText()).isEqualTo(expected);
    assertThat(read.get("createdDate").asText()).isEqualTo(expected);
    assertThat(listed.get("createdDate").asText()).isEqualTo(expected);
  }

  @Test
  void aSubjectListingsLinksRepeatTheSearch() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/users", Map.of("name", "Zoë Weber", "email", "zoe+gdpr@acme.example"));

    JsonNode listing = acme.api().get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=zoe%2Bgdpr%40acme.example").json();

    assertThat(listing.get("entities")).hasSize(1);
    for (String link : List.of("selfUri", "firstUri", "lastUri")) {
      assertThat(listing.get(link).asText()).as(link)
          .startsWith("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=zoe%2Bgdpr%40acme.example&");
      JsonNode again = acme.api().get(listing.get(link).asText()).json();
      assertThat(again.get("entities")).as(link + " answers the same search").hasSize(1);
    }
  }
}

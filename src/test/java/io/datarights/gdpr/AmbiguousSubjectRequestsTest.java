package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A request by a name or an address alone reaches everyone who shares it. When that is more than
 * one person, the API refuses it (as the console does) unless the caller says it means them all.
 */
class AmbiguousSubjectRequestsTest extends IntegrationTest {

  private static final Map<String, Object> BERLIN = Map.of("address1", "Hauptstraße 5", "city", "Berlin", "postalCode", "10115");

  private String contact(Api api, Map<String, Object> body) {
    Api.Response created = api.post("/api/v2/externalcontacts/contacts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** Three different people called Jürgen Müller: each has an e-mail address of their own. */
  private List<String> threeNamesakes(Api api) {
    return List.of(
        contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com")),
        contact(api, Map.of("firstName", "Jurgen", "lastName", "Muller", "workEmail", "jm@example.org")),
        contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "cellPhone", Map.of("display", "0171 2345678"))));
  }

  @Test
  void aDeleteByANameThreePeopleShareIsRefusedWithHowManyTheyAreAndChangesNothing() {
    Tenant acme = newTenant("Acme");
    List<String> namesakes = threeNamesakes(acme.api());

    Api.Response refused = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("name", "Jürgen Müller")));

    assertThat(refused.status()).isEqualTo(409);
    JsonNode error = refused.json();
    assertThat(error.get("code").asText()).isEqualTo("request.conflict");
    assertThat(error.get("message").asText())
        .contains("The name matches 3 different persons")
        .contains("/api/v2/gdpr/subjects?searchType=NAME&searchValue=")
        .contains("allowMultipleSubjects=true")
        .doesNotContain("Müller");
    assertThat(error.get("messageParams").get("persons").asText()).isEqualTo("3");
    assertThat(count("gdpr_requests")).isZero();
    assertThat(count("scheduled_tasks")).isZero();
    assertThat(acme.api().get("/api/v2/audits?action=gdpr.request.created").json().get("total").asLong()).isZero();
    for (String id : namesakes) {
      assertThat(acme.api().get("/api/v2/externalcontacts/contacts/" + id).status()).isEqualTo(200);
    }
  }

  @Test
  void anExportByAnAddressAHouseholdSharesIsRefusedToo() {
    Tenant acme = newTenant("Acme");
    contact(acme.api(), Map.of("firstName", "Anna", "lastName", "Schmidt", "workEmail", "anna@example.com", "address", BERLIN));
    contact(acme.api(), Map.of("firstName", "Ben", "lastName", "Schmidt", "workEmail", "ben@example.com", "address", BERLIN));

    Api.Response refused = acme.api().post("/api/v2/gdpr/requests",
        Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("addresses", List.of("Hauptstraße 5, Berlin, 10115"))));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("message").asText())
        .contains("The address matches 2 different persons").contains("searchType=ADDRESS");
    assertThat(count("gdpr_requests")).isZero();
  }

  @Test
  void recordsLinkedByAnEmailOrAMergeSetAreOnePersonAndTheirNameAloneMayBeFiled() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    contact(api, Map.of("firstName", "Jurgen", "lastName", "Muller", "personalEmail", "J.Mueller@example.com"));
    String a = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "cellPhone", Map.of("display", "0171 2345678")));
    String b = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "otherEmail", "jm@example.org"));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", b, "targetContactId", a));
    api.post("/api/v2/users", Map.of("name", "Jürgen Müller", "email", "j.mueller@example.com"));

    Api.Response refused = api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jürgen Müller")));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("message").asText())
        .as("two contacts and a user sharing an e-mail address are one person, a merge set another").contains("matches 2 different persons");
  }

  @Test
  void aNameOnlyOnePersonHasIsFiledAsBefore() {
    Tenant acme = newTenant("Acme");
    contact(acme.api(), Map.of("firstName", "Solo", "lastName", "Person", "workEmail", "solo@example.com"));
    contact(acme.api(), Map.of("firstName", "Solo", "lastName", "Person", "personalEmail", "SOLO@example.com"));

    Api.Response filed = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("name", "Person Solo")));

    assertThat(filed.status()).isEqualTo(202);
    assertThat(acme.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Nobody Known"))).status())
        .as("a name nobody has").isEqualTo(202);
  }

  @Test
  void allowMultipleSubjectsFilesTheRequestAndTheAuditEntrySaysSoWithoutPersonalData() {
    Tenant acme = newTenant("Acme");
    threeNamesakes(acme.api());

    Api.Response filed = acme.api().post("/api/v2/gdpr/requests?allowMultipleSubjects=true",
        Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jürgen Müller")));

    assertThat(filed.status()).isEqualTo(202);
    JsonNode entry = acme.api().get("/api/v2/audits?action=gdpr.request.created").json().get("entities").get(0);
    assertThat(entry.get("targetId").asText()).isEqualTo(filed.json().get("id").asText());
    assertThat(entry.get("details").get("allowMultipleSubjects").asText()).isEqualTo("true");
    assertThat(entry.get("details").get("matchedPersons").asText()).isEqualTo("3");
    assertThat(entry.toString()).doesNotContain("ller").doesNotContain("rgen");
  }

  @Test
  void aCallerWhoMayNotSearchSubjectsIsNotToldHowManyPeopleShareTheName() {
    Tenant acme = newTenant("Acme");
    threeNamesakes(acme.api());
    JsonNode filer = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Filer", "permissions", List.of("gdpr:request:add"))).json();
    Api api = anonymous().withToken(anonymous().token(filer.get("id").asText(), filer.get("secret").asText()));

    Api.Response refused = api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jürgen Müller")));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("message").asText()).contains("more than one person").doesNotContain("3 different");
    assertThat(refused.json().get("messageParams").has("persons")).isFalse();
  }
}

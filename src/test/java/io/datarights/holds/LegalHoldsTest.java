package io.datarights.holds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegalHoldsTest extends IntegrationTest {

  private static final String PATH = "/api/v2/governance/legal-holds";
  private static final String REASON = "Art. 17(3)(e): pending litigation, case 4711";

  private String contact(Api api, String firstName, String email) {
    Api.Response created = api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", firstName, "lastName", "Held", "workEmail", email));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private JsonNode hold(Api api, String contactId, String expires) {
    Map<String, Object> body = new HashMap<>(Map.of("subject", Map.of("externalContactId", contactId), "reason", REASON));
    if (expires != null) {
      body.put("expires", expires);
    }
    Api.Response placed = api.post(PATH, body);
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json();
  }

  private JsonNode erase(Api api, Map<String, Object> subject) {
    Api.Response filed = api.post("/api/v2/gdpr/requests?deleteConfirmed=true", Map.of("requestType", "GDPR_DELETE", "subject", subject));
    assertThat(filed.status()).as(filed.toString()).isIn(200, 201, 202);
    String id = filed.json().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  private static JsonNode contactsOutcome(JsonNode request) {
    return outcome(request, "externalContacts");
  }

  private static JsonNode outcome(JsonNode request, String serviceName) {
    for (JsonNode service : request.get("services")) {
      if (service.get("name").asText().equals(serviceName)) {
        return service;
      }
    }
    throw new AssertionError("no " + serviceName + " outcome in " + request);
  }

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_log where action = :a").param("a", action).query(Long.class).single();
  }

  @Test
  void aHeldContactSurvivesAnErasureByItsEmailWhileOtherContactsWithThatEmailAreErased() {
    Api api = newTenant("Acme").api();
    String held = contact(api, "Jürgen", "shared@example.com");
    String other = contact(api, "Jurgen", "shared@example.com");
    JsonNode hold = hold(api, held, null);

    JsonNode done = erase(api, Map.of("emailAddresses", List.of("SHARED@example.com")));

    JsonNode outcome = contactsOutcome(done);
    assertThat(outcome.get("retained").asLong()).isEqualTo(1);
    assertThat(outcome.get("deleted").asLong()).isEqualTo(1);
    assertThat(outcome.get("reason").asText()).contains(REASON).contains(hold.get("id").asText());
    assertThat(done.get("verifiedErased").asBoolean()).as("held data is deliberately retained, the rest is gone").isTrue();
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + held).status()).isEqualTo(200);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + other).status()).isEqualTo(404);
  }

  @Test
  void aHeldContactSurvivesAnErasureByItsIdAndIsErasedOnceTheHoldIsReleased() {
    Api api = newTenant("Acme").api();
    String held = contact(api, "Jürgen", "j@example.com");
    String holdId = hold(api, held, null).get("id").asText();

    JsonNode kept = erase(api, Map.of("externalContactId", held));
    assertThat(contactsOutcome(kept).get("retained").asLong()).isEqualTo(1);
    assertThat(contactsOutcome(kept).get("deleted").asLong()).isZero();
    assertThat(contactsOutcome(kept).get("reason").asText()).contains(REASON);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + held).status()).isEqualTo(200);

    Api.Response released = api.delete(PATH + "/" + holdId);
    assertThat(released.status()).as(released.toString()).isEqualTo(200);
    assertThat(released.json().get("active").asBoolean()).isFalse();
    assertThat(released.json().get("releasedDate")).isNotNull();
    assertThat(released.json().get("releasedBy").asText()).isNotBlank();
    assertThat(api.get(PATH + "/" + holdId).json().get("releasedDate")).as("the released hold is kept").isNotNull();

    JsonNode erased = erase(api, Map.of("externalContactId", held));
    assertThat(contactsOutcome(erased).get("deleted").asLong()).isEqualTo(1);
    assertThat(contactsOutcome(erased).get("retained").asLong()).isZero();
    assertThat(erased.get("verifiedErased").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + held).status()).isEqualTo(404);
    assertThat(audited("legalHold.placed")).isEqualTo(1);
    assertThat(audited("legalHold.released")).isEqualTo(1);
  }

  @Test
  void heldUsersAndDialerContactsAreKeptByTheServicesThatOwnThem() {
    Api api = newTenant("Acme").api();
    Api.Response user = api.post("/api/v2/users", Map.of("name", "Vera Voss", "email", "vera@example.com", "state", "inactive"));
    assertThat(user.status()).as(user.toString()).isEqualTo(201);
    String userId = user.json().get("id").asText();
    Api.Response list = api.post("/api/v2/outbound/contactlists", Map.of(
        "name", "Customers", "columnNames", List.of("firstName", "email"),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal"))));
    assertThat(list.status()).as(list.toString()).isEqualTo(201);
    String listId = list.json().get("id").asText();
    Api.Response added = api.post("/api/v2/outbound/contactlists/" + listId + "/contacts", List.of(
        Map.of("data", Map.of("firstName", "Vera", "email", "vera@example.com")),
        Map.of("data", Map.of("firstName", "V.", "email", "vera@example.com"))));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    String heldDialerContact = added.json().get(0).get("id").asText();
    assertThat(api.post(PATH, Map.of("subject", Map.of("userId", userId), "reason", REASON)).status()).isEqualTo(201);
    assertThat(api.post(PATH, Map.of("subject", Map.of("dialerContactId", Map.of("id", heldDialerContact, "contactListId", listId)),
        "reason", "Art. 17(3)(b): retention required by law")).status()).isEqualTo(201);

    JsonNode done = erase(api, Map.of("emailAddresses", List.of("vera@example.com")));

    JsonNode directory = outcome(done, "directory");
    assertThat(directory.get("retained").asLong()).isEqualTo(1);
    assertThat(directory.get("anonymized").asLong()).isZero();
    assertThat(directory.get("reason").asText()).contains(REASON);
    JsonNode outbound = outcome(done, "outbound");
    assertThat(outbound.get("retained").asLong()).isEqualTo(1);
    assertThat(outbound.get("deleted").asLong()).isEqualTo(1);
    assertThat(outbound.get("reason").asText()).contains("Art. 17(3)(b)");
    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/users/" + userId).json().get("name").asText()).isEqualTo("Vera Voss");
    assertThat(count("audit_log where action = 'legalHold.placed' and details->>'reasonCategory' = 'Art. 17(3)(b)'")).isEqualTo(1);
  }

  @Test
  void aHeldJourneyCustomersRecordsAreKeptWhileAnotherCustomerWithTheSameEmailIsErased() {
    Api api = newTenant("Acme").api();
    for (String cookie : List.of("held-cookie", "other-cookie")) {
      api.put("/api/v2/journey/customers/cookie/" + cookie + "/consent", Map.of("tracking", true));
      Api.Response event = api.post("/api/v2/journey/events", Map.of(
          "customerId", cookie, "customerIdType", "cookie", "eventType", "form_submitted",
          "page", Map.of("url", "https://shop.example/contact", "title", "Contact"), "traits", Map.of("email", "visitor@example.com")));
      assertThat(event.status()).as(event.toString()).isEqualTo(201);
    }
    Api.Response placed = api.post(PATH, Map.of("subject", Map.of("journeyCustomer", Map.of("type", "COOKIE", "id", "held-cookie")), "reason", REASON));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

    JsonNode done = erase(api, Map.of("emailAddresses", List.of("visitor@example.com")));

    JsonNode journey = outcome(done, "journey");
    assertThat(journey.get("retained").asLong()).isPositive();
    assertThat(journey.get("deleted").asLong()).isPositive();
    assertThat(journey.get("reason").asText()).contains(REASON);
    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=visitor@example.com").json().get("entities"))
        .extracting(e -> e.get("journeyCustomer").get("id").asText()).containsExactly("held-cookie");
  }

  @Test
  void anExpiredHoldNoLongerHolds() {
    // The hold is placed three days ago (the engine's scheduler runs on real time, so the clock goes back, not forward).
    java.time.Instant now = clock.instant();
    clock.set(now.minus(Duration.ofDays(3)));
    Tenant acme = newTenant("Acme");
    String held = contact(acme.api(), "Jürgen", "j@example.com");
    LocalDate thatDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    JsonNode hold = hold(acme.api(), held, thatDay.plusDays(1).toString());
    assertThat(hold.get("active").asBoolean()).isTrue();

    clock.set(now);
    Api api = Api.at(port).withToken(Api.at(port).token(acme.clientId(), acme.clientSecret()));

    assertThat(api.get(PATH + "/" + hold.get("id").asText()).json().get("active").asBoolean()).isFalse();
    JsonNode erased = erase(api, Map.of("emailAddresses", List.of("j@example.com")));
    assertThat(contactsOutcome(erased).get("deleted").asLong()).isEqualTo(1);
    assertThat(contactsOutcome(erased).get("retained").asLong()).isZero();
    assertThat(erased.get("verifiedErased").asBoolean()).isTrue();
  }

  @Test
  void holdsAreListedPagedAndReadBack() {
    Api api = newTenant("Acme").api();
    String a = contact(api, "A", "a@example.com");
    String b = contact(api, "B", "b@example.com");
    String first = hold(api, a, null).get("id").asText();
    hold(api, b, "2099-12-31");

    JsonNode page = api.get(PATH + "?pageSize=1&pageNumber=2").json();
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(page.get("entities")).hasSize(1);
    JsonNode read = api.get(PATH + "/" + first).json();
    assertThat(read.get("subject").get("externalContactId").asText()).isEqualTo(a);
    assertThat(read.get("reason").asText()).isEqualTo(REASON);
    assertThat(read.get("active").asBoolean()).isTrue();
    assertThat(read.has("expires")).isFalse();
  }

  @Test
  void invalidHoldsAreRejectedNamingTheFieldAndWriteNothing() {
    Api api = newTenant("Acme").api();
    String a = contact(api, "A", "a@example.com");
    Map<String, Map<String, Object>> cases = Map.of(
        "reason", Map.of("subject", Map.of("externalContactId", a), "reason", "  "),
        "subject", Map.of("subject", Map.of("externalContactId", a, "userId", a), "reason", REASON),
        "subject.dialerContactId.contactListId", Map.of("subject", Map.of("dialerContactId", Map.of("id", "x")), "reason", REASON),
        "expires", Map.of("subject", Map.of("externalContactId", a), "reason", REASON, "expires", "next week"));
    cases.forEach((field, body) -> {
      Api.Response response = api.post(PATH, body);
      assertThat(response.status()).as(field + " " + response).isEqualTo(400);
      assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo(field);
    });
    Api.Response past = api.post(PATH, Map.of("subject", Map.of("externalContactId", a), "reason", REASON, "expires", "2000-01-01"));
    assertThat(past.json().get("details").get(0).get("fieldName").asText()).isEqualTo("expires");
    Api.Response missing = api.post(PATH, Map.of("subject", Map.of("externalContactId", java.util.UUID.randomUUID().toString()), "reason", REASON));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").get(0).get("fieldName").asText()).isEqualTo("subject");
    assertThat(count("legal_holds")).isZero();
    assertThat(count("audit_log where action like 'legalHold.%'")).isZero();
  }

  @Test
  void anotherOrgsHoldsAreNotFoundNorListedNorReleasableNorHeldAgainstIt() {
    Api acme = newTenant("Acme").api();
    Api globex = newTenant("Globex").api();
    String a = contact(acme, "A", "a@example.com");
    String holdId = hold(acme, a, null).get("id").asText();

    assertThat(globex.get(PATH + "/" + holdId).status()).isEqualTo(404);
    assertThat(globex.delete(PATH + "/" + holdId).status()).isEqualTo(404);
    assertThat(globex.get(PATH + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(globex.get(PATH).json().get("entities")).isEmpty();
    assertThat(globex.post(PATH, Map.of("subject", Map.of("externalContactId", a), "reason", REASON)).status())
        .as("acme's contact names nothing in globex").isEqualTo(400);
    assertThat(acme.get(PATH + "/" + holdId).json().get("active").asBoolean()).isTrue();
  }

  @Test
  void releasingAReleasedHoldChangesNothingAndIsAuditedOnce() {
    Api api = newTenant("Acme").api();
    String holdId = hold(api, contact(api, "Jürgen", "j@example.com"), null).get("id").asText();

    JsonNode first = api.delete(PATH + "/" + holdId).json();
    JsonNode second = api.delete(PATH + "/" + holdId).json();

    assertThat(second.get("releasedDate").asText()).isEqualTo(first.get("releasedDate").asText());
    assertThat(audited("legalHold.released")).isEqualTo(1);
  }

  @Test
  void aReasonOfTwoThousandCharactersIsTheLongestAccepted() {
    Api api = newTenant("Acme").api();
    String held = contact(api, "Jürgen", "j@example.com");
    String longest = "Art. 17(3)(e) " + "x".repeat(2000 - 14);

    Api.Response accepted = api.post(PATH, Map.of("subject", Map.of("externalContactId", held), "reason", longest));
    Api.Response refused = api.post(PATH, Map.of("subject", Map.of("externalContactId", held), "reason", longest + "x"));

    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("fieldName").asText()).isEqualTo("reason");
  }
}

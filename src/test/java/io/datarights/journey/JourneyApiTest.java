package io.datarights.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyApiTest extends IntegrationTest {

  static final String COOKIE = "c0ffee-42";

  private static Map<String, Object> event(String customerId, String sessionId, Map<String, String> traits) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customerId);
    body.put("customerIdType", "cookie");
    body.put("eventType", "page_viewed");
    body.put("page", Map.of("url", "https://shop.example/cart", "title", "Cart"));
    body.put("traits", traits);
    if (sessionId != null) {
      body.put("sessionId", sessionId);
    }
    return body;
  }

  private static Api.Response consent(Tenant tenant, String customerId, boolean tracking) {
    return tenant.api().put("/api/v2/journey/customers/cookie/" + customerId + "/consent", Map.of("tracking", tracking));
  }

  private long journeyRows() {
    return count("journey_events") + count("journey_sessions");
  }

  private static String fieldOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").get(0).get("fieldName").asText();
  }

  @Test
  void recordsConsentWithATimestampAndWithdrawsIt() {
    Tenant acme = newTenant("Acme");

    Api.Response granted = consent(acme, COOKIE, true);

    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(granted.json().get("tracking").asBoolean()).isTrue();
    assertThat(Instant.parse(granted.json().get("consentedDate").asText())).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
    clock.advance(Duration.ofHours(1));
    Api.Response withdrawn = consent(acme, COOKIE, false);
    assertThat(withdrawn.json().get("tracking").asBoolean()).isFalse();
    assertThat(Instant.parse(withdrawn.json().get("withdrawnDate").asText())).isCloseTo(clock.instant(), within(1, ChronoUnit.MILLIS));
    assertThat(withdrawn.json().get("consentedDate").asText()).isEqualTo(granted.json().get("consentedDate").asText());
    assertThat(acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/consent").json().get("tracking").asBoolean()).isFalse();
  }

  @Test
  void aBadConsentIsNamed() {
    Tenant acme = newTenant("Acme");

    assertThat(fieldOf(acme.api().put("/api/v2/journey/customers/cookie/" + COOKIE + "/consent", Map.of()))).isEqualTo("tracking");
    assertThat(fieldOf(consent(acme, "not%20valid", true))).isEqualTo("customerId");
    assertThat(fieldOf(acme.api().put("/api/v2/journey/customers/email/" + COOKIE + "/consent", Map.of("tracking", true))))
        .isEqualTo("customerIdType");
    assertThat(count("journey_consents")).isZero();
  }

  @Test
  void anEventWithoutRecordedConsentIsRefusedAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");

    Api.Response refused = acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of("email", "jane@example.com")));

    assertThat(fieldOf(refused)).isEqualTo("customerId");
    assertThat(refused.json().get("code").asText()).isEqualTo("invalid.value");
    assertThat(refused.json().get("message").asText()).contains("No tracking consent is recorded");
    assertThat(journeyRows()).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void anEventAfterConsentWasWithdrawnIsRefused() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);
    assertThat(acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())).status()).isEqualTo(201);
    consent(acme, COOKIE, false);
    long before = journeyRows();

    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())))).isEqualTo("customerId");
    assertThat(journeyRows()).isEqualTo(before);
  }

  @Test
  void consentOfAnotherOrgDoesNotCount() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    consent(acme, COOKIE, true);

    assertThat(fieldOf(globex.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())))).isEqualTo("customerId");
  }

  @Test
  void eventsGroupIntoSessionsAndAreListedInOrder() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);

    Api.Response first = acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of("email", "jane@example.com")));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String session = first.json().get("sessionId").asText();
    clock.advance(Duration.ofMinutes(1));
    Map<String, Object> submitted = event(COOKIE, session, Map.of("phone", "030 1234567"));
    submitted.put("eventType", "form_submitted");
    acme.api().post("/api/v2/journey/events", submitted);
    clock.advance(Duration.ofMinutes(1));
    String other = acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())).json().get("sessionId").asText();

    var sessions = acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions").json();
    assertThat(sessions.get("total").asLong()).isEqualTo(2);
    assertThat(sessions.get("entities").findValuesAsText("id")).containsExactly(other, session);
    assertThat(sessions.get("entities").get(1).get("eventCount").asInt()).isEqualTo(2);
    assertThat(sessions.get("entities").get(1).get("customerId").asText()).isEqualTo(COOKIE);

    var events = acme.api().get("/api/v2/journey/sessions/" + session + "/events").json();
    assertThat(events.get("total").asLong()).isEqualTo(2);
    assertThat(events.get("entities").findValuesAsText("eventType")).containsExactly("page_viewed", "form_submitted");
    assertThat(events.get("entities").get(0).get("page").get("url").asText()).isEqualTo("https://shop.example/cart");
    assertThat(events.get("entities").get(0).get("traits").get("email").asText()).isEqualTo("jane@example.com");
  }

  @Test
  void aGivenNewSessionIdStartsThatSessionAndAClientCreatedDateIsKept() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);
    String session = "5f0c7c36-54c3-4b7e-9d55-3f7f1a8f0a11";
    Map<String, Object> body = event(COOKIE, session, Map.of());
    body.put("createdDate", "2024-05-01T10:15:30Z");

    Api.Response created = acme.api().post("/api/v2/journey/events", body);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().get("sessionId").asText()).isEqualTo(session);
    assertThat(created.json().get("createdDate").asText()).isEqualTo("2024-05-01T10:15:30Z");
    assertThat(acme.api().get("/api/v2/journey/sessions/" + session).json().get("createdDate").asText()).isEqualTo("2024-05-01T10:15:30Z");
  }

  @Test
  void listsSessionsInPages() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);
    for (int i = 0; i < 3; i++) {
      acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of()));
      clock.advance(Duration.ofMinutes(5));
    }

    var page1 = acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions?pageSize=2").json();
    var page2 = acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions?pageSize=2&pageNumber=2").json();

    assertThat(page1.get("entities")).hasSize(2);
    assertThat(page1.get("pageCount").asLong()).isEqualTo(2);
    assertThat(page1.get("nextUri").asText()).isEqualTo("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions?pageSize=2&pageNumber=2");
    assertThat(page2.get("entities")).hasSize(1);
    assertThat(acme.api().get("/api/v2/journey/customers/cookie/unknown/sessions").json().get("total").asLong()).isZero();
  }

  @Test
  void invalidEventsAreNamedAndWriteNothing() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);
    String otherSession = acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())).json().get("sessionId").asText();
    consent(acme, "someone-else", true);
    long before = journeyRows();
    long identifiers = count("identifier_index");

    Map<String, Object> noType = event(COOKIE, null, Map.of());
    noType.remove("eventType");
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", noType))).isEqualTo("eventType");
    Map<String, Object> badUrl = event(COOKIE, null, Map.of());
    badUrl.put("page", Map.of("url", "javascript:alert(1)"));
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", badUrl))).isEqualTo("page.url");
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", event(COOKIE, "not-a-uuid", Map.of())))).isEqualTo("sessionId");
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", event("someone-else", otherSession, Map.of("email", "x@example.com")))))
        .as("a session belongs to one customer").isEqualTo("sessionId");
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", event(null, null, Map.of())))).isEqualTo("customerId");
    Map<String, Object> badType = event(COOKIE, null, Map.of());
    badType.put("customerIdType", "email");
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", badType))).isEqualTo("customerIdType");
    Map<String, Object> badTrait = event(COOKIE, null, Map.of());
    badTrait.put("traits", Map.of("address", Map.of("city", "Berlin")));
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", badTrait))).isEqualTo("traits.address");
    Map<String, Object> future = event(COOKIE, null, Map.of());
    future.put("createdDate", clock.instant().plus(Duration.ofDays(3)).toString());
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", future))).isEqualTo("createdDate");

    assertThat(journeyRows()).isEqualTo(before);
    assertThat(count("identifier_index")).isEqualTo(identifiers);
  }

  @Test
  void indexesEmailPhoneAndNameTraitsUnderTheCustomerIdButNotOtherTraits() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);

    acme.api().post(
        "/api/v2/journey/events",
        event(COOKIE, null, Map.of(
            "email", "Jane.Doe@Example.com", "mobilePhone", "030 1234567", "firstName", "Jane", "lastName", "Doe",
            "zip", "10115", "plan", "gold", "contact", "+49 30 7654321")));

    List<String> indexed =
        jdbc.sql("select kind || ':' || normalized_value from identifier_index where service = 'journey' and record_id = ? order by 1")
            .param(COOKIE)
            .query(String.class)
            .list();
    assertThat(indexed).containsExactly(
        "EMAIL:jane.doe@example.com", "NAME:doe", "NAME:doe jane", "NAME:jane", "PHONE:+49301234567", "PHONE:+49307654321");
  }

  @Test
  void deletingACustomerDeletesAllTheirDataAndIdentifiersOnly() {
    Tenant acme = newTenant("Acme");
    consent(acme, COOKIE, true);
    consent(acme, "other-cookie", true);
    acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of("email", "jane@example.com")));
    acme.api().post("/api/v2/journey/events", event("other-cookie", null, Map.of("email", "joe@example.com")));

    assertThat(acme.api().delete("/api/v2/journey/customers/cookie/" + COOKIE).status()).isEqualTo(204);

    assertThat(acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions").json().get("total").asLong()).isZero();
    assertThat(acme.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/consent").status()).isEqualTo(404);
    assertThat(count("journey_events")).isEqualTo(1);
    assertThat(count("journey_consents")).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from identifier_index where record_id = ?").param(COOKIE).query(Long.class).single()).isZero();
    assertThat(count("identifier_index")).isEqualTo(1);
    assertThat(acme.api().delete("/api/v2/journey/customers/cookie/" + COOKIE).status()).isEqualTo(404);
    assertThat(fieldOf(acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of()))))
        .as("without its consent record the cookie is no longer tracked").isEqualTo("customerId");
  }

  @Test
  void anotherOrgSeesNoneOfTheJourneys() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    consent(acme, COOKIE, true);
    String session = acme.api().post("/api/v2/journey/events", event(COOKIE, null, Map.of())).json().get("sessionId").asText();

    assertThat(globex.api().get("/api/v2/journey/sessions/" + session).status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/journey/sessions/" + session + "/events").status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions").json().get("total").asLong()).isZero();
    assertThat(globex.api().get("/api/v2/journey/customers/cookie/" + COOKIE + "/consent").status()).isEqualTo(404);
    assertThat(globex.api().delete("/api/v2/journey/customers/cookie/" + COOKIE).status()).isEqualTo(404);
    assertThat(fieldOf(globex.api().post("/api/v2/journey/events", event(COOKIE, session, Map.of())))).isEqualTo("customerId");
    assertThat(acme.api().get("/api/v2/journey/sessions/" + session + "/events").json().get("total").asLong()).isEqualTo(1);
  }

  @Test
  void eachOperationNeedsItsPermission() {
    Tenant acme = newTenant("Acme");
    Api.Response client =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("journey:event:view")));
    Api viewer = anonymous().withToken(anonymous().token(client.json().get("id").asText(), client.json().get("secret").asText()));
    consent(acme, COOKIE, true);

    assertThat(viewer.get("/api/v2/journey/customers/cookie/" + COOKIE + "/sessions").status()).isEqualTo(200);
    assertThat(viewer.put("/api/v2/journey/customers/cookie/" + COOKIE + "/consent", Map.of("tracking", false)).status()).isEqualTo(403);
    assertThat(viewer.post("/api/v2/journey/events", event(COOKIE, null, Map.of())).status()).isEqualTo(403);
    assertThat(viewer.delete("/api/v2/journey/customers/cookie/" + COOKIE).status()).isEqualTo(403);
    assertThat(journeyRows()).isZero();
  }
}

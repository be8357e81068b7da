package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GdprRequestsApiTest extends IntegrationTest {

  private static Map<String, Object> deleteByEmail(String email) {
    return Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of(email)));
  }

  private static Map<String, Object> exportByEmail(String email) {
    return Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of(email)));
  }

  private JsonNode awaitStatus(Api api, String id, String status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals(status));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  @Test
  void aRequestIsAcceptedAndCompletesAsynchronously() {
    Tenant acme = newTenant("Acme");

    Api.Response created = acme.api().post("/api/v2/gdpr/requests", exportByEmail("jane@example.com"));

    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().get("requestType").asText()).isEqualTo("GDPR_EXPORT");
    assertThat(created.json().get("status").asText()).isEqualTo("INITIATED");
    assertThat(created.json().get("createdBy").get("id").asText()).isEqualTo(acme.clientId());
    assertThat(created.json().get("subject").get("emailAddresses").get(0).asText()).isEqualTo("jane@example.com");
    JsonNode done = awaitStatus(acme.api(), created.json().get("id").asText(), "COMPLETED");
    assertThat(done.get("services").findValuesAsText("name")).contains(GateService.NAME);
    assertThat(done.get("services").findValuesAsText("status")).containsOnly("DONE");
    assertThat(done.get("completedDate").asText()).isNotBlank();
  }

  @Test
  void aStepThatKeepsFailingEndsTheRequestInErrorWithAReasonAndAllowsFilingItAgain() {
    Tenant acme = newTenant("Acme");
    gate.failEverything();

    String id = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", deleteByEmail("jane@example.com")).json().get("id").asText();
    JsonNode failed = awaitStatus(acme.api(), id, "ERROR");

    assertThat(failed.get("errorReason").asText()).contains(GateService.NAME).contains("4 attempts").contains("file the request again");
    assertThat(failed.get("services").toString()).contains("\"status\":\"ERROR\"");
    assertThat(failed.has("verifiedErased")).isFalse();
    gate.open();
    String again = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", deleteByEmail("jane@example.com")).json().get("id").asText();
    assertThat(again).isNotEqualTo(id);
    awaitStatus(acme.api(), again, "COMPLETED");
  }

  @Test
  void theDueDateIsOneCalendarMonthAfterReceipt() {
    Tenant acme = newTenant("Acme");

    JsonNode created = acme.api().post("/api/v2/gdpr/requests", exportByEmail("jane@example.com")).json();

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    assertThat(created.get("dueDate").asText()).isEqualTo(today.plusMonths(1).toString());
  }

  @Test
  void aDeleteWithoutConfirmationIsRefusedAndChangesNothing() {
    Tenant acme = newTenant("Acme");

    Api.Response response = acme.api().post("/api/v2/gdpr/requests", deleteByEmail("jane@example.com"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("deleteConfirmed");
    assertThat(count("gdpr_requests")).isZero();
    assertThat(count("scheduled_tasks")).isZero();
  }

  @Test
  void invalidRequestsNameTheOffendingField() {
    Tenant acme = newTenant("Acme");
    Map<String, Map<String, Object>> cases =
        Map.of(
            "requestType", Map.of("requestType", "GDPR_SHRED", "subject", Map.of("name", "Jane Doe")),
            "subject", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jane Doe", "emailAddresses", List.of("jane@example.com"))),
            "subject.emailAddresses", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("not-an-email"))),
            "subject.phoneNumbers", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("phoneNumbers", List.of("call me maybe"))),
            "replacementTerms", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jane Doe"),
                "replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "a@example.com", "updatedValue", "b@example.com"))),
            "replacementTerms[0].updatedValue", Map.of("requestType", "GDPR_UPDATE", "subject", Map.of("name", "Jane Doe"),
                "replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "a@example.com", "updatedValue", "nope"))),
            "subject.externalContactId", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", "no-such-contact")));

    cases.forEach(
        (field, body) -> {
          Api.Response response = acme.api().post("/api/v2/gdpr/requests", body);
          assertThat(response.status()).as(field).isEqualTo(400);
          assertThat(response.json().get("details").get(0).get("fieldName").asText()).as(field).isEqualTo(field);
        });
    assertThat(count("gdpr_requests")).isZero();
  }

  @Test
  void anIdenticalRequestInFlightIsNotCreatedAgain() {
    Tenant acme = newTenant("Acme");
    gate.close();

    String first = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", deleteByEmail("jane@example.com")).json().get("id").asText();
    String second = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", deleteByEmail(" JANE@example.com")).json().get("id").asText();
    String export = acme.api().post("/api/v2/gdpr/requests", exportByEmail("jane@example.com")).json().get("id").asText();

    assertThat(second).isEqualTo(first);
    assertThat(export).as("another request type is another request").isNotEqualTo(first);
    assertThat(count("gdpr_requests")).isEqualTo(2);
    gate.open();
    awaitStatus(acme.api(), first, "COMPLETED");
    String third = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true", deleteByEmail("jane@example.com")).json().get("id").asText();
    assertThat(third).as("once finished, the same request may be filed again").isNotEqualTo(first);
  }

  @Test
  void theSameIdempotencyKeyAndBodyReturnTheSameRequest() {
    Tenant acme = newTenant("Acme");

    Api.Response first = postWithKey(acme, "key-1", "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"Jane Doe\"}}");
    awaitStatus(acme.api(), first.json().get("id").asText(), "COMPLETED");
    Api.Response again = postWithKey(acme, "key-1", "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"Jane Doe\"}}");
    Api.Response other = postWithKey(acme, "key-1", "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"John Doe\"}}");

    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("details").get(0).get("fieldName").asText()).isEqualTo("Idempotency-Key");
    assertThat(count("gdpr_requests")).isEqualTo(1);
  }

  @Test
  void aReplayAnswersOnlyTheIdAndStatusToAClientThatMayNotViewRequests() {
    Tenant acme = newTenant("Acme");
    JsonNode filer = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Filer", "permissions", List.of("gdpr:request:add"))).json();
    Api filerApi = anonymous().withToken(anonymous().token(filer.get("id").asText(), filer.get("secret").asText()));
    String body = "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"emailAddresses\":[\"jane@example.com\"]}}";
    Api.Response first = postWithKey(filerApi, "ticket-7", body);
    String id = first.json().get("id").asText();
    assertThat(awaitStatus(acme.api(), id, "COMPLETED").get("resultsUrl").asText()).isNotBlank();
    assertThat(filerApi.get("/api/v2/gdpr/requests/" + id).status()).isEqualTo(403);

    Api.Response replay = postWithKey(filerApi, "ticket-7", body);

    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.json().get("id").asText()).isEqualTo(id);
    assertThat(replay.json().get("status").asText()).isEqualTo("COMPLETED");
    assertThat(replay.json().has("resultsUrl")).isFalse();
    assertThat(replay.json().has("resultsUrls")).isFalse();
    assertThat(replay.json().has("subject")).isFalse();
    assertThat(replay.json().has("services")).isFalse();
    assertThat(replay.text()).doesNotContain("jane").doesNotContain("results");
  }

  @Test
  void aReplayAnswersTheWholeRequestToAClientThatMayViewRequests() {
    Tenant acme = newTenant("Acme");
    String body = "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"emailAddresses\":[\"jane@example.com\"]}}";
    String id = postWithKey(acme.api(), "ticket-8", body).json().get("id").asText();
    awaitStatus(acme.api(), id, "COMPLETED");

    Api.Response replay = postWithKey(acme.api(), "ticket-8", body);

    assertThat(replay.status()).isEqualTo(202);
    assertThat(replay.json().get("resultsUrl").asText()).contains("/results");
    assertThat(replay.json().get("subject").get("emailAddresses").get(0).asText()).isEqualTo("jane@example.com");
  }

  @Test
  void anIdenticalRequestInFlightIsAnsweredWithItsIdAndStatusOnlyToAClientThatMayNotViewRequests() {
    Tenant acme = newTenant("Acme");
    gate.close();
    String id = acme.api().post("/api/v2/gdpr/requests", exportByEmail("jane@example.com")).json().get("id").asText();
    JsonNode filer = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Filer", "permissions", List.of("gdpr:request:add"))).json();
    Api filerApi = anonymous().withToken(anonymous().token(filer.get("id").asText(), filer.get("secret").asText()));

    Api.Response same = filerApi.post("/api/v2/gdpr/requests", exportByEmail("jane@example.com"));

    assertThat(same.status()).isEqualTo(202);
    assertThat(same.json().get("id").asText()).isEqualTo(id);
    assertThat(same.json().has("services")).isFalse();
    assertThat(same.json().has("createdBy")).isFalse();
  }

  @Test
  void idempotencyKeysAreScopedPerOrg() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");

    String a = postWithKey(acme, "shared-key", "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"Jane Doe\"}}").json().get("id").asText();
    Api.Response b = postWithKey(globex, "shared-key", "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"John Doe\"}}");

    assertThat(b.status()).isEqualTo(202);
    assertThat(b.json().get("id").asText()).isNotEqualTo(a);
  }

  @Test
  void theEleventhRequestInAMinuteIsRateLimitedWithoutThrottlingAnotherOrg() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    for (int i = 0; i < 10; i++) {
      assertThat(acme.api().post("/api/v2/gdpr/requests", exportByEmail("p" + i + "@example.com")).status()).isEqualTo(202);
    }

    Api.Response limited = acme.api().post("/api/v2/gdpr/requests", exportByEmail("p10@example.com"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
    assertThat(limited.header("RateLimit-Policy")).isEqualTo("10;w=60");
    assertThat(limited.header("RateLimit")).contains("remaining=0");
    assertThat(count("gdpr_requests")).isEqualTo(10);
    assertThat(globex.api().post("/api/v2/gdpr/requests", exportByEmail("x@example.com")).status()).isEqualTo(202);

    clock.advance(Duration.ofSeconds(61));
    assertThat(acme.api().post("/api/v2/gdpr/requests", exportByEmail("p10@example.com")).status()).isEqualTo(202);
  }

  @Test
  void twoClientsOfOneOrgShareTheOrgsLimitThoughNeitherReachedItsOwn() {
    Tenant acme = newTenant("Acme");
    JsonNode created = acme.api().post("/api/v2/oauth/clients",
        Map.of("name", "Second", "permissions", List.of("gdpr:request:add", "gdpr:request:view"))).json();
    Api second = anonymous().withToken(anonymous().token(created.get("id").asText(), created.get("secret").asText()));
    for (int i = 0; i < 5; i++) {
      assertThat(acme.api().post("/api/v2/gdpr/requests", exportByEmail("a" + i + "@example.com")).status()).isEqualTo(202);
      assertThat(second.post("/api/v2/gdpr/requests", exportByEmail("b" + i + "@example.com")).status()).isEqualTo(202);
    }

    // The second client has filed 5 of its own 10: the org's 10 a minute are what is used up.
    Api.Response limited = second.post("/api/v2/gdpr/requests", exportByEmail("b5@example.com"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(limited.header("RateLimit")).contains("remaining=0");
    assertThat(acme.api().post("/api/v2/gdpr/requests", exportByEmail("a5@example.com")).status()).isEqualTo(429);
    assertThat(count("gdpr_requests")).isEqualTo(10);
  }

  @Test
  void anotherOrgsRequestIsNotFound() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = acme.api().post("/api/v2/gdpr/requests", exportByEmail("jane@example.com")).json().get("id").asText();

    assertThat(globex.api().get("/api/v2/gdpr/requests/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/gdpr/requests").json().get("total").asLong()).isZero();
    assertThat(acme.api().get("/api/v2/gdpr/requests/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void requestsAreListedNewestFirstInPages() {
    Tenant acme = newTenant("Acme");
    for (int i = 0; i < 3; i++) {
      acme.api().post("/api/v2/gdpr/requests", exportByEmail("p" + i + "@example.com"));
      clock.advance(Duration.ofSeconds(1));
    }

    JsonNode page = acme.api().get("/api/v2/gdpr/requests?pageSize=2&pageNumber=1").json();

    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(page.get("entities")).hasSize(2);
    assertThat(page.get("entities").get(0).get("subject").get("emailAddresses").get(0).asText()).isEqualTo("p2@example.com");
  }

  @Test
  void aClientWithoutTheAddPermissionCannotFileRequests() {
    Tenant acme = newTenant("Acme");
    JsonNode viewer = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("gdpr:request:view"))).json();
    Api limited = anonymous().withToken(anonymous().token(viewer.get("id").asText(), viewer.get("secret").asText()));

    Api.Response response = limited.post("/api/v2/gdpr/requests", exportByEmail("jane@example.com"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(count("gdpr_requests")).isZero();
  }

  @Test
  void subjectSearchParametersAreValidated() {
    Tenant acme = newTenant("Acme");

    assertThat(acme.api().get("/api/v2/gdpr/subjects?searchValue=x").json().get("details").get(0).get("fieldName").asText()).isEqualTo("searchType");
    assertThat(acme.api().get("/api/v2/gdpr/subjects?searchType=SHOE_SIZE&searchValue=x").status()).isEqualTo(400);
    assertThat(acme.api().get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=").json().get("details").get(0).get("fieldName").asText()).isEqualTo("searchValue");
    Api.Response ok = acme.api().get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=nobody@example.com");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("entities")).isEmpty();
    assertThat(ok.header("RateLimit-Policy")).isEqualTo("60;w=60");
  }

  private Api.Response postWithKey(Tenant tenant, String key, String body) {
    return postWithKey(anonymous().withToken(anonymous().token(tenant.clientId(), tenant.clientSecret())), key, body);
  }

  private Api.Response postWithKey(Api api, String key, String body) {
    return api.post("/api/v2/gdpr/requests", body, Map.of("Idempotency-Key", key));
  }
}

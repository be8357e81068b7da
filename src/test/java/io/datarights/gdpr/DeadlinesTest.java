package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlinesTest extends IntegrationTest {

  private String openRequest(Tenant tenant, String email) {
    gate.close();
    return tenant.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
            Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of(email))))
        .json().get("id").asText();
  }

  private static List<String> ids(JsonNode listing) {
    List<String> ids = new java.util.ArrayList<>();
    listing.get("entities").forEach(e -> ids.add(e.get("id").asText()));
    return ids;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Test
  void aDeadlineIsExtendedOnceByUpToTwoMonthsWithAReason() {
    Tenant acme = newTenant("Acme");
    String id = openRequest(acme, "jane@example.com");

    JsonNode extended = acme.api().post("/api/v2/gdpr/requests/" + id + "/extension",
        Map.of("months", 2, "reason", "The subject's data spans 14 years of archived calls.")).json();

    assertThat(extended.get("dueDate").asText()).isEqualTo(today().plusMonths(1).plusMonths(2).toString());
    assertThat(extended.get("originalDueDate").asText()).isEqualTo(today().plusMonths(1).toString());
    assertThat(extended.get("extensionReason").asText()).contains("14 years");
    var again = acme.api().post("/api/v2/gdpr/requests/" + id + "/extension", Map.of("months", 1, "reason", "more"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(acme.api().get("/api/v2/audits?action=gdpr.deadline.extended").json().get("total").asLong()).isEqualTo(1);
  }

  @Test
  void badExtensionsNameTheFieldAndChangeNothing() {
    Tenant acme = newTenant("Acme");
    String id = openRequest(acme, "jane@example.com");

    var tooLong = acme.api().post("/api/v2/gdpr/requests/" + id + "/extension", Map.of("months", 3, "reason", "x"));
    var noReason = acme.api().post("/api/v2/gdpr/requests/" + id + "/extension", Map.of("months", 1));

    assertThat(tooLong.json().get("details").get(0).get("fieldName").asText()).isEqualTo("months");
    assertThat(noReason.json().get("details").get(0).get("fieldName").asText()).isEqualTo("reason");
    assertThat(acme.api().get("/api/v2/gdpr/requests/" + id).json().has("extensionReason")).isFalse();
  }

  @Test
  void anExtensionAfterTheFirstDeadlineIsRefused() {
    Tenant acme = newTenant("Acme");
    String id = openRequest(acme, "jane@example.com");
    clock.advance(Duration.ofDays(32));

    var late = fresh(acme).post("/api/v2/gdpr/requests/" + id + "/extension", Map.of("months", 1, "reason", "too late"));

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("message").asText()).contains("first month");
  }

  @Test
  void soonDueAndOverdueRequestsAreListedAndCounted() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = openRequest(acme, "jane@example.com");
    openRequest(globex, "john@example.com");

    assertThat(acme.api().get("/api/v2/gdpr/deadlines?within=7").json().get("total").asLong()).isZero();
    clock.advance(Duration.ofDays(26));
    var api = fresh(acme);
    assertThat(ids(api.get("/api/v2/gdpr/deadlines?within=7").json())).containsExactly(id);
    assertThat(api.get("/api/v2/gdpr/deadlines?within=0").json().get("total").asLong()).as("not overdue yet").isZero();
    clock.advance(Duration.ofDays(10));
    api = fresh(acme);
    assertThat(ids(api.get("/api/v2/gdpr/deadlines?within=0").json())).containsExactly(id);
    assertThat(anonymous().get("/actuator/prometheus").text()).contains("datarights_gdpr_requests_overdue 2.0");
    assertThat(api.get("/api/v2/gdpr/deadlines?within=-1").status()).isEqualTo(400);
  }

  @Test
  void anExtensionReasonOfTwoThousandCharactersIsTheLongestAccepted() {
    Tenant acme = newTenant("Acme");
    String refusedId = openRequest(acme, "jane@example.com");
    String acceptedId = openRequest(acme, "john@example.com");
    String longest = "y".repeat(2000);

    var refused = acme.api().post("/api/v2/gdpr/requests/" + refusedId + "/extension", Map.of("months", 1, "reason", longest + "y"));
    var accepted = acme.api().post("/api/v2/gdpr/requests/" + acceptedId + "/extension", Map.of("months", 1, "reason", longest));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("fieldName").asText()).isEqualTo("reason");
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    assertThat(accepted.json().get("extensionReason").asText()).hasSize(2000);
  }

  @Test
  void extendingARequestThatDoesNotExistIsNotFound() {
    Tenant acme = newTenant("Acme");

    var missing = acme.api().post("/api/v2/gdpr/requests/" + java.util.UUID.randomUUID() + "/extension", Map.of("months", 1, "reason", "why"));

    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void theDeadlineListingCountsEveryRequestDueAndTheDueSoonGaugeToo() {
    Tenant acme = newTenant("Acme");
    openRequest(acme, "jane@example.com");
    openRequest(acme, "john@example.com");
    openRequest(acme, "jill@example.com");
    clock.advance(Duration.ofDays(26));

    JsonNode page = fresh(acme).get("/api/v2/gdpr/deadlines?within=7&pageSize=2").json();

    assertThat(page.get("entities")).hasSize(2);
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(anonymous().get("/actuator/prometheus").text()).contains("datarights_gdpr_requests_due_soon 3.0");
  }
}

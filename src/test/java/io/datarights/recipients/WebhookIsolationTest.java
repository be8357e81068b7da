package io.datarights.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One org's webhooks must not slow another org's GDPR requests, however badly its recipients behave. */
class WebhookIsolationTest extends IntegrationTest {

  private static final String PATH = "/api/v2/governance/recipients";
  private static final int RECIPIENTS = 16;
  /** The default of datarights.recipients.max-deliveries-in-flight-per-org. */
  private static final int IN_FLIGHT_PER_ORG = 4;

  private String file(Tenant tenant, String requestType, String email) {
    Api.Response filed = tenant.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", requestType, "subject", Map.of("emailAddresses", List.of(email))));
    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    return filed.json().get("id").asText();
  }

  private void awaitCompleted(Tenant tenant, String requestId, Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(20))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + requestId).json().get("status").asText().equals("COMPLETED"));
  }

  /** How long an export of the org takes from filing to COMPLETED. */
  private Duration export(Tenant tenant, String email, Duration atMost) {
    long start = System.nanoTime();
    awaitCompleted(tenant, file(tenant, "GDPR_EXPORT", email), atMost);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void anOrgsRecipientsThatNeverAnswerDoNotDelayAnotherOrgsRequests() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    export(globex, "warm-up@example.com", Duration.ofSeconds(30));
    Duration baseline = export(globex, "baseline@example.com", Duration.ofSeconds(30));

    try (SilentListener silent = SilentListener.neverAnswering(InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < RECIPIENTS; i++) {
        Api.Response created = acme.api().post(PATH, Map.of("name", "Silent " + i, "url", silent.url("/hook/" + i)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
      }
      awaitCompleted(acme, file(acme, "GDPR_DELETE", "someone@example.com"), Duration.ofSeconds(30));
      // Acme's deliveries are now waiting on a remote that says nothing (10 s request timeout).
      await().atMost(Duration.ofSeconds(30)).until(() -> silent.acceptedCount() >= IN_FLIGHT_PER_ORG);

      Duration meanwhile = export(globex, "meanwhile@example.com", Duration.ofSeconds(60));
      System.out.printf("WebhookIsolationTest: export %d ms alone, %d ms with %d hanging webhooks of another org%n",
          baseline.toMillis(), meanwhile.toMillis(), RECIPIENTS);

      assertThat(meanwhile)
          .as("Globex's export took %s ms with Acme's webhooks hanging, %s ms without", meanwhile.toMillis(), baseline.toMillis())
          .isLessThan(baseline.plusSeconds(3));
      assertThat(silent.maxOpenAtOnce()).as("Acme's deliveries in flight at once").isEqualTo(IN_FLIGHT_PER_ORG);
    }
  }

  @Test
  void anOrgMayRegisterAtMostTheConfiguredNumberOfRecipients() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String first = null;
    for (int i = 0; i < 20; i++) {
      Api.Response created = acme.api().post(PATH, Map.of("name", "CRM " + i, "url", "https://crm" + i + ".example.com/hook"));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      first = first == null ? created.json().get("id").asText() : first;
    }

    Api.Response refused = acme.api().post(PATH, Map.of("name", "One too many", "url", "https://crm.example.com/hook"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(refused.json().get("message").asText()).contains("at most 20 recipients", "DATARIGHTS_RECIPIENTS_MAX_PER_ORG");
    assertThat(acme.api().get(PATH).json().get("total").asLong()).isEqualTo(20);
    assertThat(globex.api().post(PATH, Map.of("name", "Globex CRM", "url", "https://crm.example.com/hook")).status())
        .as("the cap is per org").isEqualTo(201);
    assertThat(acme.api().delete(PATH + "/" + first).status()).isEqualTo(204);
    assertThat(acme.api().post(PATH, Map.of("name", "Now fits", "url", "https://crm.example.com/hook")).status()).isEqualTo(201);
  }
}

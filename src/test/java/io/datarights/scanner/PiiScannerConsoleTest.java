package io.datarights.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.ConsoleSession;
import io.datarights.support.HeldTable;
import io.datarights.support.IntegrationTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PiiScannerConsoleTest extends IntegrationTest {

  private ConsoleSession signedIn(String clientId, String secret) {
    ConsoleSession browser = ConsoleSession.at(port);
    assertThat(browser.signIn(clientId, secret).redirectPath()).isEqualTo("/console");
    return browser;
  }

  private ConsoleSession signedIn(Tenant tenant) {
    return signedIn(tenant.clientId(), tenant.clientSecret());
  }

  private record Client(String id, String secret) {}

  private Client client(Tenant tenant, String... permissions) {
    var created =
        tenant.api().post("/api/v2/oauth/clients", Map.of("name", "Limited " + String.join(",", permissions), "permissions", List.of(permissions)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Client(created.json().get("id").asText(), created.json().get("secret").asText());
  }

  private String scan(Tenant tenant) {
    return ScanPolling.scanned(tenant.api()).get("id").asText();
  }

  /** Each finding as "what|service|record|field|excerpt". */
  private static List<String> findings(ConsoleSession.Page page) {
    return page.html().select("#findings tbody tr").stream()
        .map(row -> String.join("|", row.children().eachText()))
        .toList();
  }

  private static String pathAndQuery(String location) {
    URI uri = URI.create(location);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  @Test
  void showsTheLatestRunWithItsMaskedFindingsAndNoRawValue() {
    Tenant acme = newTenant("Acme");
    PiiScannerTest.Planted planted = PiiScannerTest.plant(acme.api());
    String run = scan(acme);

    ConsoleSession.Page page = signedIn(acme).get("/console/scanner");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1")).hasSize(1);
    assertThat(page.html().select("#run-heading").text()).isEqualTo("Latest scan");
    assertThat(page.html().select("#findings-count").text()).isEqualTo("5");
    assertThat(page.html().select("#records-scanned").text())
        .isEqualTo(jdbc.sql("select records_scanned from pii_scan_runs where run_id = ?::uuid").param(run).query(String.class).single());
    assertThat(findings(page))
        .containsExactlyInAnyOrder(
            "E-mail address|flows|" + planted.flowId() + "|promptTexts[1]|j***@e***.com",
            "Known name|flows|" + planted.flowId() + "|description|J*** M***",
            "Phone number|directory|" + planted.userId() + "|personalStatus|+49 *** ***89",
            "E-mail address|externalContacts|" + planted.keyContactId() + "|customFields.key|m***@e***.org",
            "IBAN|conversations|" + planted.unlinkedChatId() + "|participants[0].attributes.note|DE** **** ... 3000");
    assertThat(page.html().select("#counts .card").eachText())
        .contains("5 findings", "2 e-mail addresses", "1 phone numbers", "1 IBANs", "1 known names");
    assertThat(page.html().select("#run-summary").text()).contains("manual").contains(acme.clientId()).contains("UTC");
    assertThat(page.html().select("#findings thead th, #runs thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
    for (String raw : PiiScannerTest.RAW) {
      assertThat(page.raw().body()).as("the page").doesNotContainIgnoringCase(raw);
    }
  }

  @Test
  void scanNowQueuesAScanAndRedirectsToItsPageWhichShowsItsFindingsOnceItHasEnded() {
    Tenant acme = newTenant("Acme");
    PiiScannerTest.plant(acme.api());
    ConsoleSession browser = signedIn(acme);
    assertThat(browser.get("/console/scanner").html().select("#no-runs").text()).isEqualTo("No scan has run yet.");

    ConsoleSession.Page posted = browser.post("/console/scanner/runs", Map.of());

    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.redirectPath()).isEqualTo("/console/scanner");
    assertThat(count("pii_scan_runs")).isEqualTo(1);
    String runId = jdbc.sql("select run_id::text from pii_scan_runs").query(String.class).single();
    assertThat(posted.location()).contains("run=" + runId);
    ConsoleSession.Page queued = browser.get(pathAndQuery(posted.location()));
    assertThat(queued.status()).isEqualTo(200);
    assertThat(queued.html().select("#scan-queued").text()).startsWith("Scan queued");

    ScanPolling.awaitEnded(acme.api(), runId);
    ConsoleSession.Page done = browser.get("/console/scanner/runs/" + runId + "/progress");
    assertThat(done.status()).as("htmx stops polling").isEqualTo(286);
    assertThat(done.raw().headers().firstValue("HX-Refresh")).as("and reloads the page to show the findings").contains("true");
    ConsoleSession.Page page = browser.get(pathAndQuery(posted.location()));
    int records = jdbc.sql("select records_scanned from pii_scan_runs").query(Integer.class).single();
    assertThat(records).isPositive();
    assertThat(page.html().select("#run-status").text()).isEqualTo("completed");
    assertThat(page.html().select("#progress").attr("hx-get")).as("no polling once ended").isEmpty();
    assertThat(findings(page)).hasSize(5);
    assertThat(page.html().select("#runs tbody tr")).hasSize(1);
    assertThat(page.html().select("#runs tbody tr").first().children().eachText())
        .containsExactly(
            page.html().select("#runs tbody tr time").text(), "completed", "manual", acme.clientId(), String.valueOf(records), "5",
            "shown above");
    assertThat(page.html().select("#scan-queued")).as("the notice shows once").isEmpty();
    assertThat(count("pii_scan_runs")).as("reloading the page does not scan again").isEqualTo(1);
  }

  @Test
  void aRunInFlightShowsItsProgressPolledByHtmxAndASecondScanNowIsRefusedReadably() throws Exception {
    Tenant acme = newTenant("Acme");
    PiiScannerTest.plant(acme.api());
    ConsoleSession browser = signedIn(acme);
    browser.get("/console/scanner");
    String runId;
    // The scan waits at its last place while the test holds that table.
    try (HeldTable held = HeldTable.hold("conversation_participants")) {
      ConsoleSession.Page posted = browser.post("/console/scanner/runs", Map.of());
      assertThat(posted.status()).isEqualTo(302);
      runId = jdbc.sql("select run_id::text from pii_scan_runs").query(String.class).single();
      ScanPolling.awaitProgress(acme.api(), runId, 3);

      ConsoleSession.Page page = browser.get(pathAndQuery(posted.location()));
      assertThat(page.html().select("#run-status").text()).isEqualTo("running");
      assertThat(page.html().select("#progress").attr("hx-get")).isEqualTo("/console/scanner/runs/" + runId + "/progress");
      assertThat(page.html().select("#progress").attr("hx-trigger")).isEqualTo("every 1s");
      assertThat(page.html().select("#places-scanned").text()).isEqualTo("3 of 4 places scanned");
      assertThat(page.html().select("#scanning").text()).isEqualTo("conversations");
      assertThat(page.html().select("#findings-so-far").text()).isEqualTo("4");
      assertThat(page.html().select("#findings")).as("findings show once the run has ended").isEmpty();
      ConsoleSession.Page fragment = browser.get("/console/scanner/runs/" + runId + "/progress");
      assertThat(fragment.status()).isEqualTo(200);
      assertThat(fragment.html().select("#places-scanned").text()).isEqualTo("3 of 4 places scanned");

      ConsoleSession.Page again = browser.post("/console/scanner/runs", Map.of());
      assertThat(again.status()).isEqualTo(302);
      assertThat(again.location()).contains("run=" + runId);
      ConsoleSession.Page refused = browser.get(pathAndQuery(again.location()));
      assertThat(refused.html().select("#scan-refused").text())
          .contains("A PII scan of this organization is still running (" + runId + ")");
      assertThat(count("pii_scan_runs")).isEqualTo(1);
    }
    ScanPolling.awaitEnded(acme.api(), runId);
  }

  @Test
  void earlierRunsAreListedNewestFirstAndEachCanBeShown() {
    Tenant acme = newTenant("Acme");
    PiiScannerTest.plant(acme.api());
    // The older one five minutes back: a task is due at the application's time, which must not run ahead of the scheduler's.
    clock.advance(Duration.ofMinutes(-5));
    String older = scan(acme);
    clock.advance(Duration.ofMinutes(5));
    acme.api().post("/api/v2/flows", Map.of("name", "Outbound", "promptTexts", List.of("Call +49 30 1234567 back")));
    String newer = scan(acme);
    ConsoleSession browser = signedIn(acme);

    ConsoleSession.Page latest = browser.get("/console/scanner");

    assertThat(latest.html().select("#findings-count").text()).isEqualTo("6");
    List<Element> runs = latest.html().select("#runs tbody tr");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).attr("aria-current")).isEqualTo("true");
    assertThat(runs.get(0).children().get(5).text()).isEqualTo("6");
    assertThat(runs.get(1).children().get(5).text()).isEqualTo("5");
    String link = runs.get(1).select("a").attr("href");
    assertThat(link).isEqualTo("/console/scanner?run=" + older);

    ConsoleSession.Page earlier = browser.get(link);
    assertThat(earlier.html().select("#run-heading").text()).startsWith("Scan of ");
    assertThat(findings(earlier)).hasSize(5).noneMatch(f -> f.contains("Phone number|flows"));
    assertThat(earlier.html().select("#runs tbody tr").get(0).select("a").attr("href")).isEqualTo("/console/scanner?run=" + newer);
  }

  @Test
  void anotherOrgNeverSeesTheFirstOrgsRunsOrFindings() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    PiiScannerTest.Planted planted = PiiScannerTest.plant(acme.api());
    String acmeRun = scan(acme);
    ConsoleSession browser = signedIn(globex);

    ConsoleSession.Page page = browser.get("/console/scanner");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#no-runs")).hasSize(1);
    assertThat(page.html().select("#runs")).isEmpty();
    assertThat(page.text()).doesNotContain(acmeRun).doesNotContain(planted.flowId());
    ConsoleSession.Page foreign = browser.get("/console/scanner?run=" + acmeRun);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.html().select("#findings")).isEmpty();
    assertThat(browser.get("/console/scanner?run=not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void readingNeedsTheViewPermissionAndScanningTheRunPermission() {
    Tenant acme = newTenant("Acme");
    scan(acme);
    Client viewer = client(acme, "governance:scan:view");
    Client neither = client(acme, "audit:audit:view", "governance:record:view");

    ConsoleSession viewing = signedIn(viewer.id(), viewer.secret());
    ConsoleSession.Page page = viewing.get("/console/scanner");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#scan-now")).isEmpty();
    assertThat(page.html().select("#cannot-run").text()).contains("governance:scan:run");
    ConsoleSession.Page refused = viewing.post("/console/scanner/runs", Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.html().select("h1").text()).isEqualTo("Forbidden");
    assertThat(refused.html().select("[role=alert]").text()).contains("governance:scan:run");
    assertThat(count("pii_scan_runs")).isEqualTo(1);

    ConsoleSession.Page forbidden = signedIn(neither.id(), neither.secret()).get("/console/scanner");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.text()).contains("governance:scan:view");
    assertThat(forbidden.html().select("#findings, #runs")).isEmpty();
  }
}

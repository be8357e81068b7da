package io.datarights.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static io.datarights.scanner.ScanPolling.awaitEnded;
import static io.datarights.scanner.ScanPolling.scanned;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PiiScannerTest extends IntegrationTest {

  static final String SCANS = ScanPolling.SCANS;

  static final String PROMPT_EMAIL = "jane.doe@example.com";
  static final String STATUS_PHONE = "0151 23456789";
  static final String KEY_EMAIL = "max.mustermann@example.org";
  static final String IBAN = "DE89 3704 0044 0532 0130 00";
  static final String LINKED_IBAN = "GB82 WEST 1234 5698 7654 32";

  /** Every raw form a planted value could leak in: as written and normalized. */
  static final List<String> RAW =
      List.of(
          "jane.doe", "example.com", "max.mustermann", "example.org", "23456789", "4915123456789",
          "DE89370400440532013000", "0532 0130", "370400440532013000", "Jürgen", "Müller", "jurgen", "muller",
          "WEST12345698765432");


  @Test
  void findsPersonalDataInEveryUnsearchedPlaceWithItsLocationAndKind() {
    Tenant acme = newTenant("Acme");
    Planted planted = plant(acme.api());

    JsonNode run = scanned(acme.api());

    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("trigger").asText()).isEqualTo("manual");
    assertThat(run.get("findingsCount").asInt()).isEqualTo(5);
    assertThat(run.get("progress").get("placesScanned").asInt()).isEqualTo(4);
    List<JsonNode> findings = findings(acme.api(), run.get("id").asText());
    assertThat(findings).extracting(f -> f.get("service").asText() + "|" + f.get("recordId").asText() + "|"
            + f.get("fieldPath").asText() + "|" + f.get("kind").asText() + "|" + f.get("maskedExcerpt").asText())
        .containsExactlyInAnyOrder(
            "flows|" + planted.flowId + "|promptTexts[1]|EMAIL|j***@e***.com",
            "flows|" + planted.flowId + "|description|NAME|J*** M***",
            "directory|" + planted.userId + "|personalStatus|PHONE|+49 *** ***89",
            "externalContacts|" + planted.keyContactId + "|customFields.key|EMAIL|m***@e***.org",
            "conversations|" + planted.unlinkedChatId + "|participants[0].attributes.note|IBAN|DE** **** ... 3000");
    assertThat(findings).allSatisfy(f -> assertThat(f.get("valueHash").asText()).hasSizeGreaterThan(20));
  }

  @Test
  void anAttributeKeyHoldingPersonalDataIsFoundAndKeptOutOfThePath() {
    Tenant acme = newTenant("Acme");
    String chat = created(acme.api().post("/api/v2/conversations", webChat(null, Map.of(PROMPT_EMAIL, STATUS_PHONE))));

    var run = scanned(acme.api());

    assertThat(findings(acme.api(), run.get("id").asText()))
        .extracting(f -> f.get("recordId").asText() + "|" + f.get("fieldPath").asText() + "|" + f.get("kind").asText())
        .containsExactly(
            chat + "|participants[0].attributes (key)|EMAIL",
            chat + "|participants[0].attributes.*|PHONE");
  }

  @Test
  void eachRunIsAuditedWithCountsOnly() {
    Tenant acme = newTenant("Acme");
    plant(acme.api());

    String run = scanned(acme.api()).get("id").asText();

    String details =
        jdbc.sql("select details::text from audit_log where action = 'governance.piiScan.completed' and target_id = :id")
            .param("id", run)
            .query(String.class)
            .single();
    assertThat(details)
        .contains("\"findings\": \"5\"", "\"findings.email\": \"2\"", "\"findings.iban\": \"1\"", "\"trigger\": \"manual\"");
  }

  @Test
  void cleanDataYieldsNoFinding() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/flows", Map.of("name", "Inbound", "description", "Main IVR, Version 2",
        "promptTexts", List.of("Welcome to Acme.", "Press 1 for sales, 2 for support.")));
    acme.api().post("/api/v2/users", Map.of("name", "Ann Agent", "email", "ann@acme.example", "personalStatus", "In a meeting until 3"));
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Erika", "customFields", Map.of("loyaltyTier", "gold")));
    acme.api().post("/api/v2/conversations", webChat(null, Map.of("topic", "billing", "page", "/help/faq")));

    var run = scanned(acme.api());

    assertThat(run.get("findingsCount").asInt()).isZero();
    assertThat(run.get("recordsScanned").asInt()).isEqualTo(4);
    assertThat(findings(acme.api(), run.get("id").asText())).isEmpty();
  }

  @Test
  void rawValuesAppearNowhereInResponsesOrTheScannersTables() {
    Tenant acme = newTenant("Acme");
    plant(acme.api());

    List<String> texts = new ArrayList<>();
    var run = acme.api().post(SCANS, Map.of());
    texts.add(run.text());
    String id = run.json().get("id").asText();
    awaitEnded(acme.api(), id);
    texts.add(acme.api().get(SCANS).text());
    texts.add(acme.api().get(SCANS + "/" + id).text());
    texts.add(acme.api().get(SCANS + "/" + id + "/findings").text());
    texts.addAll(jdbc.sql("select t::text from pii_scan_runs t").query(String.class).list());
    texts.addAll(jdbc.sql("select t::text from pii_scan_findings t").query(String.class).list());
    texts.addAll(jdbc.sql("select t::text from audit_log t where action like 'governance.piiScan%'").query(String.class).list());

    assertThat(texts).hasSizeGreaterThan(6);
    for (String text : texts) {
      for (String raw : RAW) {
        assertThat(text).as("a scan output").doesNotContainIgnoringCase(raw);
      }
    }
  }

  @Test
  void repeatedFindingsOfOneValueShareTheirKeyedHash() {
    Tenant acme = newTenant("Acme");
    plant(acme.api());
    acme.api().post("/api/v2/flows", Map.of("name", "Outbound", "promptTexts", List.of("Mail " + KEY_EMAIL.toUpperCase())));

    String first = scanned(acme.api()).get("id").asText();
    String second = scanned(acme.api()).get("id").asText();

    var hashes = new ArrayList<String>();
    for (String run : List.of(first, second)) {
      findings(acme.api(), run).stream()
          .filter(f -> f.get("maskedExcerpt").asText().equals("m***@e***.org"))
          .forEach(f -> hashes.add(f.get("valueHash").asText()));
    }
    assertThat(hashes).hasSize(4).containsOnly(hashes.get(0));
    var jane = findings(acme.api(), first).stream().filter(f -> f.get("maskedExcerpt").asText().equals("j***@e***.com")).findFirst().orElseThrow();
    assertThat(jane.get("valueHash").asText()).isNotEqualTo(hashes.get(0));
  }

  @Test
  void runsAreListedNewestFirstAndFindingsInPages() {
    Tenant acme = newTenant("Acme");
    plant(acme.api());
    // The older one a minute back: a task is due at the application's time, which must not run ahead of the scheduler's.
    clock.advance(Duration.ofMinutes(-1));
    String older = scanned(acme.api()).get("id").asText();
    clock.advance(Duration.ofMinutes(1));
    String newer = scanned(acme.api()).get("id").asText();

    var runs = acme.api().get(SCANS + "?pageSize=1").json();
    assertThat(runs.get("total").asInt()).isEqualTo(2);
    assertThat(runs.get("entities").get(0).get("id").asText()).isEqualTo(newer);
    assertThat(acme.api().get(SCANS + "?pageSize=1&pageNumber=2").json().get("entities").get(0).get("id").asText()).isEqualTo(older);

    var page = acme.api().get(SCANS + "/" + newer + "/findings?pageSize=2&pageNumber=3").json();
    assertThat(page.get("total").asInt()).isEqualTo(5);
    assertThat(page.get("entities")).hasSize(1);
    assertThat(acme.api().get(SCANS + "?pageSize=0").status()).isEqualTo(400);
  }

  @Test
  void anotherOrgNeitherSeesNorScansTheFirstOrgsData() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    plant(acme.api());
    String acmeRun = scanned(acme.api()).get("id").asText();

    var globexRun = scanned(globex.api());

    assertThat(globexRun.get("findingsCount").asInt()).isZero();
    assertThat(globexRun.get("recordsScanned").asInt()).isZero();
    assertThat(globex.api().get(SCANS + "/" + acmeRun).status()).isEqualTo(404);
    assertThat(globex.api().get(SCANS + "/" + acmeRun + "/findings").status()).isEqualTo(404);
    assertThat(globex.api().get(SCANS + "/not-a-uuid/findings").status()).isEqualTo(404);
    assertThat(globex.api().get(SCANS).json().get("entities").findValuesAsText("id")).containsExactly(globexRun.get("id").asText());
  }

  @Test
  void scanningNeedsTheRunPermissionAndReadingTheViewPermission() {
    Tenant acme = newTenant("Acme");
    Api viewer = clientWith(acme, "governance:scan:view");
    Api runner = clientWith(acme, "governance:scan:run");
    Api neither = clientWith(acme, "governance:record:view");

    assertThat(viewer.post(SCANS, Map.of()).status()).isEqualTo(403);
    assertThat(neither.post(SCANS, Map.of()).status()).isEqualTo(403);
    assertThat(count("pii_scan_runs")).isZero();
    Api.Response run = runner.post(SCANS, Map.of());
    assertThat(run.status()).isEqualTo(202);
    awaitEnded(viewer, run.json().get("id").asText());
    assertThat(runner.get(SCANS).status()).isEqualTo(403);
    assertThat(neither.get(SCANS).status()).isEqualTo(403);
    assertThat(viewer.get(SCANS).json().get("total").asInt()).isEqualTo(1);
    assertThat(viewer.get(SCANS + "/" + run.json().get("id").asText() + "/findings").status()).isEqualTo(200);
    assertThat(anonymous().get(SCANS).status()).isEqualTo(401);
  }

  // ---- fixtures

  record Planted(String flowId, String userId, String keyContactId, String unlinkedChatId) {}

  /** Personal data in every place the GDPR API does not search, and one place it does (a linked chat). */
  static Planted plant(Api api) {
    created(api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jürgen", "lastName", "Müller")));
    String flow = created(api.post("/api/v2/flows", Map.of(
        "name", "Inbound", "description", "Escalations go to Jürgen Müller.",
        "promptTexts", List.of("Welcome to Acme.", "Or write to " + PROMPT_EMAIL + " any time."))));
    String user = created(api.post("/api/v2/users", Map.of(
        "name", "Ann Agent", "email", "ann@acme.example", "personalStatus", "Off today, urgent: " + STATUS_PHONE)));
    String keyContact = created(api.post("/api/v2/externalcontacts/contacts", Map.of(
        "firstName", "Erika", "customFields", Map.of(KEY_EMAIL, "backup", "tier", "gold"))));
    String linkedContact = created(api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Linda")));
    String unlinked = created(api.post("/api/v2/conversations", webChat(null, Map.of("note", "refund to " + IBAN))));
    created(api.post("/api/v2/conversations", webChat(linkedContact, Map.of("note", "refund to " + LINKED_IBAN))));
    return new Planted(flow, user, keyContact, unlinked);
  }

  static Map<String, Object> webChat(String externalContactId, Map<String, String> attributes) {
    var customer = new LinkedHashMap<String, Object>();
    customer.put("purpose", "customer");
    customer.put("name", "Web visitor");
    customer.put("attributes", attributes);
    if (externalContactId != null) {
      customer.put("externalContactId", externalContactId);
    }
    return Map.of(
        "mediaType", "webchat", "startTime", "2024-03-01T09:00:00Z",
        "participants", List.of(customer, Map.of("purpose", "agent", "name", "Ann Agent")));
  }

  private static String created(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private List<JsonNode> findings(Api api, String runId) {
    var page = api.get(SCANS + "/" + runId + "/findings?pageSize=500");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<JsonNode> result = new ArrayList<>();
    page.json().get("entities").forEach(result::add);
    return result;
  }

  private Api clientWith(Tenant tenant, String... permissions) {
    Api.Response created =
        tenant.api().post("/api/v2/oauth/clients", Map.of("name", "Limited " + String.join(",", permissions), "permissions", List.of(permissions)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return anonymous().withToken(anonymous().token(created.json().get("id").asText(), created.json().get("secret").asText()));
  }
}

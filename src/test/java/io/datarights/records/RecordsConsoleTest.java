package io.datarights.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.ConsoleSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class RecordsConsoleTest extends GovernanceTestSupport {

  private ConsoleSession signedIn(String clientId, String secret) {
    ConsoleSession browser = ConsoleSession.at(port);
    assertThat(browser.signIn(clientId, secret).redirectPath()).isEqualTo("/console");
    return browser;
  }

  private ConsoleSession signedIn(Tenant tenant) {
    return signedIn(tenant.clientId(), tenant.clientSecret());
  }

  private static Element cell(Element table, String label) {
    for (Element row : table.select("tr")) {
      Element th = row.selectFirst("th[scope=row]");
      if (th != null && th.text().equals(label)) {
        return row.selectFirst("td");
      }
    }
    throw new AssertionError("no row " + label);
  }

  private static String rowValue(Element table, String label) {
    return cell(table, label).text();
  }

  private static List<String> items(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  @Test
  void theRecordOfProcessingShowsTheControllerAndEveryActivityOfTheApiDocument() {
    Tenant acme = newTenant("Acme");
    assertThat(acme.api().put(CONTROLLER, controllerDetails("Acme Records GmbH")).status()).isEqualTo(200);
    JsonNode record = acme.api().get(RECORD).json();
    ConsoleSession browser = signedIn(acme);

    assertThat(browser.get("/console/records").redirectPath()).isEqualTo("/console/records/art30");
    ConsoleSession.Page page = browser.get("/console/records/art30");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1")).hasSize(1);
    assertThat(page.html().select("h1").text()).isEqualTo("Record of processing activities");
    assertThat(page.html().select("#records-tabs [aria-current=page]").text()).startsWith("Record of processing");
    Element controller = page.html().selectFirst("#controller");
    assertThat(rowValue(controller, "Controller")).isEqualTo("Acme Records GmbH");
    assertThat(rowValue(controller, "Data protection officer")).isEqualTo("Dana Datenschutz <dpo@acme.example>");
    assertThat(rowValue(controller, "Supervisory authority")).startsWith("Berliner Beauftragte");

    JsonNode activities = record.get("processingActivities");
    assertThat(page.html().select("section.activity h3").eachText()).containsExactlyElementsOf(texts(activities, "service"));
    for (JsonNode activity : activities) {
      Element section = page.html().getElementById("activity-" + activity.get("service").asText());
      Element facts = section.selectFirst("table");
      assertThat(rowValue(facts, "Legal basis")).isEqualTo(activity.get("legalBasis").asText());
      assertThat(cell(facts, "Purposes").select("li").eachText()).isEqualTo(items(activity.get("purposes")));
      assertThat(cell(facts, "Categories of data subjects").select("li").eachText()).isEqualTo(items(activity.get("dataSubjectCategories")));
      assertThat(cell(facts, "Categories of personal data").select("li").eachText()).isEqualTo(items(activity.get("personalDataCategories")));
      assertThat(cell(facts, "Categories of recipients").select("li").eachText()).isEqualTo(items(activity.get("recipientCategories")));
      assertThat(rowValue(facts, "Time limits for erasure")).isEqualTo(activity.get("erasureTimeLimits").asText());
      assertThat(section.select("details tbody tr")).hasSize(activity.get("fields").size());
    }
    assertThat(page.html().select("#product-measures tbody tr")).hasSize(record.get("technicalAndOrganisationalMeasures").size());
    assertThat(page.html().select("#gaps li").eachText()).isEqualTo(items(record.get("gaps")));
    assertThat(page.html().select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
  }

  @Test
  void withoutControllerDetailsTheRecordSaysWhatIsMissing() {
    Tenant acme = newTenant("Acme");

    ConsoleSession.Page page = signedIn(acme).get("/console/records/art30");

    assertThat(page.html().select("#no-controller")).hasSize(1);
    assertThat(page.html().select("#controller")).isEmpty();
    assertThat(page.html().select("#gaps li").first().text()).contains("controller details are not set");
  }

  @Test
  void theDpiaShowsTheCurrentVersionItsRisksAndMeasuresAndLinksTheEarlierOnes() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme Records GmbH"));
    assertThat(acme.api().put(DPIA, dpiaAnswers("First reasoning")).status()).isEqualTo(201);
    assertThat(acme.api().put(DPIA, dpiaAnswers("Second reasoning")).status()).isEqualTo(201);
    JsonNode report = acme.api().get(DPIA).json();
    ConsoleSession browser = signedIn(acme);

    ConsoleSession.Page page = browser.get("/console/records/dpia");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1")).hasSize(1);
    assertThat(page.html().select("#dpia-version").text()).isEqualTo("2");
    assertThat(page.html().select("#dpia-meta").text()).contains("(the current one)").contains(acme.clientId()).contains("UTC");
    assertThat(rowValue(page.html().selectFirst("#necessity"), "Necessity")).isEqualTo("Second reasoning");
    assertThat(page.html().select("#consulted-dpo strong").text()).isEqualTo("yes");
    assertThat(page.html().select("#notes").text()).isEqualTo("Reviewed with the works council.");
    List<Element> risks = page.html().select("#risks tbody tr");
    assertThat(risks).hasSize(report.get("risks").size());
    assertThat(risks.get(0).children().eachText())
        .containsExactly("Organization", "Agents look up customers without a reason", "medium", "high", "high", "Access reviews every quarter");
    assertThat(risks.subList(1, risks.size())).allSatisfy(r -> assertThat(r.child(0).text()).startsWith("Baseline: "));
    assertThat(page.html().select("#operations tbody tr"))
        .hasSize(report.get("systematicDescription").get("processingOperations").size());
    assertThat(page.html().select("#organization-measures tbody tr")).hasSize(1);
    assertThat(page.html().select("#product-measures tbody tr")).hasSize(report.get("measures").get("product").size());

    List<Element> versions = page.html().select("#versions tbody tr");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).attr("aria-current")).isEqualTo("true");
    String earlier = versions.get(1).select("a").attr("href");
    assertThat(earlier).isEqualTo("/console/records/dpia?version=1");
    ConsoleSession.Page first = browser.get(earlier);
    assertThat(first.html().select("#dpia-version").text()).isEqualTo("1");
    assertThat(first.html().select("#not-latest")).hasSize(1);
    assertThat(rowValue(first.html().selectFirst("#necessity"), "Necessity")).isEqualTo("First reasoning");
    assertThat(browser.get("/console/records/dpia?version=3").status()).isEqualTo(404);
    assertThat(browser.get("/console/records/dpia?version=zero").status()).isEqualTo(404);
  }

  @Test
  void withoutADpiaThePageSaysSoAndHowToSubmitOne() {
    Tenant acme = newTenant("Acme");

    ConsoleSession.Page page = signedIn(acme).get("/console/records/dpia");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#no-dpia").text()).isEqualTo("No DPIA has been submitted yet.");
    assertThat(page.text()).contains("PUT /api/v2/governance/dpia");
    assertThat(page.html().select("#risks")).isEmpty();
  }

  @Test
  void thePrintableDocumentsOpenInTheSignedInSessionWithTheirOwnStylePolicy() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme Records GmbH"));
    acme.api().put(DPIA, dpiaAnswers("Printable reasoning"));
    ConsoleSession browser = signedIn(acme);
    String recordLink = browser.get("/console/records/art30").html().select("#printable").attr("href");
    String dpiaLink = browser.get("/console/records/dpia").html().select("#printable").attr("href");

    ConsoleSession.Page record = browser.get(recordLink);
    ConsoleSession.Page dpia = browser.get(dpiaLink);

    assertThat(recordLink).isEqualTo("/console/records/art30/printable");
    assertThat(dpiaLink).isEqualTo("/console/records/dpia/printable?version=1");
    for (ConsoleSession.Page document : List.of(record, dpia)) {
      assertThat(document.status()).isEqualTo(200);
      assertThat(document.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(document.raw().headers().allValues("Content-Security-Policy"))
          .containsExactly("default-src 'none'; style-src 'unsafe-inline'");
      assertThat(document.html().select("head style")).hasSize(1);
      assertThat(document.html().select("script")).isEmpty();
    }
    assertThat(record.html().select("h1").text()).isEqualTo("Record of processing activities");
    assertThat(record.text()).contains("Acme Records GmbH");
    assertThat(dpia.html().select("h1").text()).isEqualTo("Data protection impact assessment");
    assertThat(dpia.text()).contains("Printable reasoning");
    assertThat(browser.get("/console/records/art30").raw().headers().firstValue("Content-Security-Policy").orElseThrow())
        .as("the console's own pages keep the strict policy")
        .contains("style-src 'self'");
  }

  @Test
  void anotherOrgNeverSeesTheFirstOrgsDocuments() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    acme.api().put(CONTROLLER, controllerDetails("Acme Records GmbH"));
    acme.api().put(DPIA, dpiaAnswers("Acme's own reasoning"));
    ConsoleSession browser = signedIn(globex);

    ConsoleSession.Page record = browser.get("/console/records/art30");
    ConsoleSession.Page dpia = browser.get("/console/records/dpia");

    assertThat(record.html().select("#no-controller")).hasSize(1);
    assertThat(record.text()).doesNotContain("Acme Records GmbH");
    assertThat(dpia.html().select("#no-dpia")).hasSize(1);
    assertThat(dpia.text()).doesNotContain("Acme's own reasoning");
    assertThat(browser.get("/console/records/dpia?version=1").status()).isEqualTo(404);
    assertThat(browser.get("/console/records/dpia/printable").status()).isEqualTo(404);
    assertThat(browser.get("/console/records/art30/printable").raw().body()).doesNotContain("Acme Records GmbH");
  }

  @Test
  void aClientWithoutTheRecordPermissionGetsTheForbiddenPage() {
    Tenant acme = newTenant("Acme");
    acme.api().put(DPIA, dpiaAnswers("Reasoning"));
    var created = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Auditor", "permissions", List.of("audit:audit:view")));
    ConsoleSession browser = signedIn(created.json().get("id").asText(), created.json().get("secret").asText());

    for (String path : List.of("/console/records", "/console/records/art30", "/console/records/art30/printable",
        "/console/records/dpia", "/console/records/dpia/printable")) {
      ConsoleSession.Page page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(403);
      assertThat(page.text()).as(path).contains("governance:record:view").doesNotContain("Reasoning");
    }
  }
}

package io.datarights.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DpiaTest extends GovernanceTestSupport {

  @Test
  void eachSubmissionIsANewVersionAndOldVersionsStayReadable() {
    Tenant acme = newTenant("Acme");

    Api.Response first = acme.api().put(DPIA, dpiaAnswers("First assessment"));
    Api.Response second = acme.api().put(DPIA, dpiaAnswers("Second assessment"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("version").asInt()).isEqualTo(1);
    assertThat(first.header("Location")).endsWith(DPIA + "/versions/1");
    assertThat(second.json().get("version").asInt()).isEqualTo(2);
    assertThat(count("governance_dpias")).isEqualTo(2);
    JsonNode latest = acme.api().get(DPIA).json();
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("necessityAndProportionality").get("necessity").asText()).isEqualTo("Second assessment");
    JsonNode old = acme.api().get(DPIA + "/versions/1").json();
    assertThat(old.get("necessityAndProportionality").get("necessity").asText()).isEqualTo("First assessment");
    assertThat(old.get("selfUri").asText()).isEqualTo(DPIA + "/versions/1");
    JsonNode listing = acme.api().get(DPIA + "/versions").json();
    assertThat(listing.get("total").asInt()).isEqualTo(2);
    assertThat(texts(listing.get("entities"), "version")).containsExactly("2", "1");
    assertThat(listing.get("entities").get(0).get("organizationRisks").asInt()).isEqualTo(1);
    assertThat(acme.api().get(DPIA + "/versions?pageSize=1&pageNumber=2").json().get("entities").get(0).get("version").asInt())
        .isEqualTo(1);
  }

  @Test
  void concurrentSubmissionsGetDistinctConsecutiveVersions() {
    Tenant acme = newTenant("Acme");

    List<CompletableFuture<Api.Response>> submissions =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> CompletableFuture.supplyAsync(() -> acme.api().put(DPIA, dpiaAnswers("Assessment " + i))))
            .toList();

    List<Integer> versions = submissions.stream().map(f -> f.join().json().get("version").asInt()).sorted().toList();
    assertThat(versions).containsExactly(1, 2, 3, 4, 5);
    assertThat(auditEntries(acme, "governance.dpia.created")).hasSize(5);
  }

  @Test
  void theReportCoversTheFourPartsOfArticle35Paragraph7() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));

    JsonNode report = acme.api().put(DPIA, dpiaAnswers("Needed to serve customers")).json();

    // (a) the processing, from the inventory
    JsonNode operations = report.get("systematicDescription").get("processingOperations");
    assertThat(texts(operations, "service")).contains("externalContacts");
    assertThat(report.get("systematicDescription").get("summary").asText()).contains("externalContacts");
    // (b) the org's answers
    assertThat(report.get("necessityAndProportionality").get("necessity").asText()).isEqualTo("Needed to serve customers");
    assertThat(report.get("necessityAndProportionality").get("proportionality").asText()).startsWith("Only the data");
    // (c) the org's risks first, then the baseline risks of each category of data
    List<JsonNode> risks = new ArrayList<>();
    report.get("risks").forEach(risks::add);
    JsonNode own = risks.get(0);
    assertThat(own.get("source").asText()).isEqualTo("organization");
    assertThat(own.get("description").asText()).isEqualTo("Agents look up customers without a reason");
    assertThat(own.get("level").asText()).as("medium likelihood, high severity").isEqualTo("HIGH");
    JsonNode freeForm =
        risks.stream().filter(r -> r.path("category").asText().startsWith("free-form")).findFirst().orElseThrow();
    assertThat(freeForm.get("source").asText()).isEqualTo("baseline");
    assertThat(freeForm.get("description").asText()).contains("special categories");
    assertThat(freeForm.get("severity").asText()).isEqualTo("HIGH");
    assertThat(freeForm.get("heldIn").toString()).contains("externalContacts: customFields");
    assertThat(risks.stream().filter(r -> r.path("category").asText().equals("contact data"))).hasSize(1);
    // (d) the org's measures and the product's
    assertThat(report.get("measures").get("organization").get(0).get("measures").asText()).isEqualTo("Access reviews every quarter");
    assertThat(texts(report.get("measures").get("product"), "key")).contains("tenant-isolation", "verified-erasure");
    assertThat(report.get("consultedDpo").asBoolean()).isTrue();
    assertThat(report.get("notes").asText()).isEqualTo("Reviewed with the works council.");
    assertThat(report.get("controller").get("dpoName").asText()).isEqualTo("Dana Datenschutz");
  }

  @Test
  void aVersionKeepsTheControllerDetailsItWasMadeWith() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));
    acme.api().put(DPIA, dpiaAnswers("First"));

    acme.api().put(CONTROLLER, controllerDetails("Acme SE"));
    acme.api().put(DPIA, dpiaAnswers("Second"));

    assertThat(acme.api().get(DPIA + "/versions/1").json().get("controller").get("controllerName").asText()).isEqualTo("Acme GmbH");
    assertThat(acme.api().get(DPIA + "/versions/2").json().get("controller").get("controllerName").asText()).isEqualTo("Acme SE");
  }

  @Test
  void everySubmissionIsInTheAuditTrail() {
    Tenant acme = newTenant("Acme");
    acme.api().put(DPIA, dpiaAnswers("First"));
    acme.api().put(DPIA, dpiaAnswers("Second"));

    List<JsonNode> audited = auditEntries(acme, "governance.dpia.created");

    assertThat(texts(audited, "targetId")).containsExactly("2", "1");
    assertThat(audited.get(0).get("actor").asText()).isEqualTo(acme.clientId());
    assertThat(audited.get(0).get("targetType").asText()).isEqualTo("dpia");
    assertThat(audited.get(0).get("details").get("consultedDpo").asText()).isEqualTo("true");
    assertThat(acme.api().get("/api/v2/audits/verification").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void invalidAnswersAreRejectedNamingTheFieldAndNoVersionIsStored() {
    Tenant acme = newTenant("Acme");
    Map<String, Object> badLikelihood = dpiaAnswers("x");
    badLikelihood.put("risks", List.of(Map.of("description", "d", "likelihood", "EXTREME", "severity", "LOW")));
    Map<String, Object> noNecessity = dpiaAnswers(" ");
    Map<String, Object> noSeverity = dpiaAnswers("x");
    noSeverity.put("risks", List.of(Map.of("description", "d", "likelihood", "LOW")));
    Map<String, Object> noDpoAnswer = dpiaAnswers("x");
    noDpoAnswer.remove("consultedDpo");

    assertThat(fieldOf(acme.api().put(DPIA, badLikelihood))).isEqualTo("risks[0].likelihood");
    assertThat(fieldOf(acme.api().put(DPIA, noNecessity))).isEqualTo("necessity");
    assertThat(fieldOf(acme.api().put(DPIA, noSeverity))).isEqualTo("risks[0].severity");
    assertThat(fieldOf(acme.api().put(DPIA, noDpoAnswer))).isEqualTo("consultedDpo");
    assertThat(count("governance_dpias")).isZero();
    assertThat(auditEntries(acme, "governance.dpia.created")).isEmpty();
    assertThat(acme.api().get(DPIA).status()).isEqualTo(404);
  }

  @Test
  void anOrgSeesOnlyItsOwnVersionsNumberedFromOne() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    acme.api().put(DPIA, dpiaAnswers("Acme one"));
    acme.api().put(DPIA, dpiaAnswers("Acme two"));

    assertThat(globex.api().get(DPIA).status()).isEqualTo(404);
    assertThat(globex.api().get(DPIA + "/versions/2").status()).isEqualTo(404);
    assertThat(globex.api().get(DPIA + "/versions").json().get("total").asInt()).isZero();
    Api.Response globexFirst = globex.api().put(DPIA, dpiaAnswers("Globex one"));

    assertThat(globexFirst.json().get("version").asInt()).isEqualTo(1);
    assertThat(globex.api().get(DPIA + "/versions/1").json().get("necessityAndProportionality").get("necessity").asText())
        .isEqualTo("Globex one");
    assertThat(globex.api().get(DPIA + "/versions/2").status()).isEqualTo(404);
    assertThat(acme.api().get(DPIA + "/versions/1").json().get("necessityAndProportionality").get("necessity").asText())
        .isEqualTo("Acme one");
    assertThat(globex.api().get(DPIA + "/versions").json().get("total").asInt()).isEqualTo(1);
    assertThat(auditEntries(globex, "governance.dpia.created")).hasSize(1);
  }

  @Test
  void aVersionNumberThatNamesNothingIsNotFound() {
    Tenant acme = newTenant("Acme");
    acme.api().put(DPIA, dpiaAnswers("One"));

    for (String version : List.of("0", "-1", "abc", "2", "99999999999")) {
      Api.Response response = acme.api().get(DPIA + "/versions/" + version);
      assertThat(response.status()).as(version).isEqualTo(404);
      assertThat(response.json().get("code").asText()).isEqualTo("not.found");
    }
  }

  @Test
  void theReportIsAnEscapedPrintableHtmlDocumentWhenHtmlIsAsked() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("<script>alert(1)</script>"));
    acme.api().put(DPIA, dpiaAnswers("<img src=x onerror=alert(1)>"));

    Api.Response latest = getAccepting(acme, DPIA, "text/html");
    Api.Response version = acme.api().get(DPIA + "/versions/1?format=html");

    for (Api.Response html : List.of(latest, version)) {
      assertThat(html.status()).isEqualTo(200);
      assertThat(html.header("Content-Type")).startsWith("text/html");
      assertThat(html.text())
          .contains("Data protection impact assessment", "(a) Systematic description", "(b) Necessity and proportionality",
              "(c) Risks", "(d) Measures", "Access reviews every quarter", "&lt;img src=x onerror=alert(1)&gt;",
              "&lt;script&gt;alert(1)&lt;/script&gt;")
          .doesNotContain("<script", "<img");
    }
  }

  private static String fieldOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").get(0).get("fieldName").asText();
  }
}

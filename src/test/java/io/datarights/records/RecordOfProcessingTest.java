package io.datarights.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordOfProcessingTest extends GovernanceTestSupport {

  private static final List<String> PRODUCT_MEASURES =
      List.of(
          "tenant-isolation", "hashed-client-secrets", "signed-tokens", "hash-chained-audit-log",
          "pseudonymous-audit-subjects", "signed-expiring-export-links", "verified-erasure", "rate-limits");

  @Test
  void theRecordHasOneActivityPerServiceWithTheControllerTheDpoAndTheMeasures() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));
    List<String> services = texts(acme.api().get(INVENTORY + "?pageSize=500").json().get("entities"), "name");

    Api.Response response = acme.api().get(RECORD);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode record = response.json();
    JsonNode activities = record.get("processingActivities");
    assertThat(texts(activities, "service")).containsExactlyElementsOf(services).contains("externalContacts", GateService.NAME);
    for (JsonNode activity : activities) {
      assertThat(activity.get("controller").get("name").asText()).isEqualTo("Acme GmbH");
      assertThat(activity.get("controller").get("email").asText()).isEqualTo("privacy@acme.example");
      assertThat(activity.get("controller").get("address").asText()).contains("Berlin");
      assertThat(activity.get("dataProtectionOfficer").get("name").asText()).isEqualTo("Dana Datenschutz");
      assertThat(activity.get("dataProtectionOfficer").get("email").asText()).isEqualTo("dpo@acme.example");
      assertThat(texts(activity.get("technicalAndOrganisationalMeasures"), "key")).containsAll(PRODUCT_MEASURES);
    }
    JsonNode contacts = activities.get(texts(activities, "service").indexOf("externalContacts"));
    assertThat(contacts.get("purposes").size()).isPositive();
    assertThat(contacts.get("dataSubjectCategories").toString()).contains("customers");
    assertThat(contacts.get("personalDataCategories").toString()).contains("contact data");
    assertThat(contacts.get("recipientCategories").size()).isPositive();
    assertThat(contacts.get("thirdCountryTransfers").asText()).isEqualTo("none");
    assertThat(contacts.get("erasureTimeLimits").asText()).contains("deleted");
    assertThat(texts(record.get("technicalAndOrganisationalMeasures"), "key")).containsAll(PRODUCT_MEASURES);
    assertThat(record.get("leftToTheDeployment").toString()).contains("TLS");
    assertThat(record.get("organization").get("name").asText()).isEqualTo("Acme");
    assertThat(record.get("gaps").toString()).doesNotContain("controller details");
  }

  @Test
  void withoutControllerDetailsTheRecordSaysItIsIncomplete() {
    Tenant acme = newTenant("Acme");

    JsonNode record = acme.api().get(RECORD).json();

    assertThat(record.get("complete").asBoolean()).isFalse();
    assertThat(record.get("gaps").get(0).asText()).contains("controller details are not set");
    assertThat(record.has("controller")).isFalse();
    assertThat(record.get("processingActivities").size()).isPositive();
  }

  @Test
  void theRecordIsAPrintableHtmlDocumentWhenHtmlIsAsked() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));

    Api.Response byHeader = getAccepting(acme, RECORD, "text/html,application/xhtml+xml,*/*;q=0.8");
    Api.Response byParameter = acme.api().get(RECORD + "?format=html");

    for (Api.Response html : List.of(byHeader, byParameter)) {
      assertThat(html.status()).isEqualTo(200);
      assertThat(html.header("Content-Type")).startsWith("text/html").contains("UTF-8");
      assertThat(html.header("Content-Security-Policy")).contains("default-src 'none'");
      assertThat(html.text())
          .startsWith("<!doctype html>")
          .contains("Record of processing activities", "Acme GmbH", "Dana Datenschutz", "externalContacts",
              "Transfers to third countries", "Tamper-evident audit log", "@media print")
          .doesNotContain("<script", "<link", "src=", "http://", "https://");
    }
  }

  @Test
  void theHtmlEscapesWhatTheOrgEntered() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("<script>alert('x')</script> & Co"));

    String html = acme.api().get(RECORD + "?format=html").text();

    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
  }

  @Test
  void jsonIsTheDefaultAndAnUnknownFormatIsRejectedNamingTheParameter() {
    Tenant acme = newTenant("Acme");

    assertThat(getAccepting(acme, RECORD, "*/*").header("Content-Type")).startsWith("application/json");
    assertThat(getAccepting(acme, RECORD, "application/json, text/html;q=0.5").header("Content-Type")).startsWith("application/json");
    assertThat(getAccepting(acme, RECORD + "?format=json", "text/html").header("Content-Type")).startsWith("application/json");
    Api.Response bad = acme.api().get(RECORD + "?format=pdf");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("details").get(0).get("fieldName").asText()).isEqualTo("format");
  }
}

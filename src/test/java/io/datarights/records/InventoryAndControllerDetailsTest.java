package io.datarights.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryAndControllerDetailsTest extends GovernanceTestSupport {

  @Test
  void theInventoryListsEveryPersonalDataServicePresentWithWhatItHoldsAndWhy() {
    Tenant acme = newTenant("Acme");

    Api.Response response = acme.api().get(INVENTORY);

    assertThat(response.status()).isEqualTo(200);
    JsonNode entities = response.json().get("entities");
    assertThat(texts(entities, "name")).contains("externalContacts", GateService.NAME);
    assertThat(response.json().get("total").asInt()).isEqualTo(entities.size());
    JsonNode contacts = find(entities, "externalContacts");
    assertThat(texts(contacts.get("fields"), "name")).contains("workPhone, cellPhone, homePhone, otherPhone");
    assertThat(contacts.get("fields").get(0).has("category")).isTrue();
    assertThat(contacts.get("fields").get(0).has("searched")).isTrue();
    assertThat(contacts.get("personalDataCategories").toString()).contains("contact data", "identification data");
    assertThat(contacts.get("dataSubjectCategories").toString()).contains("customers");
    assertThat(contacts.get("purposes").size()).isPositive();
    assertThat(contacts.get("legalBasis").asText()).contains("Art. 6(1)");
    assertThat(contacts.get("recipients").size()).isPositive();
    assertThat(contacts.get("retention").asText()).isNotBlank();
    assertThat(contacts.get("source").asText()).isNotBlank();
    assertThat(contacts.get("erasureMode").asText()).isEqualTo("DELETE");
    assertThat(contacts.get("thirdCountryTransfers").asText()).isEqualTo("none");
  }

  @Test
  void theInventoryPagesLikeEveryListing() {
    Tenant acme = newTenant("Acme");
    int total = acme.api().get(INVENTORY).json().get("total").asInt();

    JsonNode page = acme.api().get(INVENTORY + "?pageSize=1&pageNumber=2").json();

    assertThat(page.get("entities")).hasSize(1);
    assertThat(page.get("pageCount").asInt()).isEqualTo(total);
    assertThat(acme.api().get(INVENTORY + "?pageSize=0").json().get("details").get(0).get("fieldName").asText())
        .isEqualTo("pageSize");
  }

  @Test
  void controllerDetailsAreStoredAndReadBack() {
    Tenant acme = newTenant("Acme");
    assertThat(acme.api().get(CONTROLLER).status()).as("none given yet").isEqualTo(404);

    Api.Response saved = acme.api().put(CONTROLLER, controllerDetails("  Acme GmbH "));

    assertThat(saved.status()).isEqualTo(200);
    JsonNode read = acme.api().get(CONTROLLER).json();
    assertThat(read.get("controllerName").asText()).isEqualTo("Acme GmbH");
    assertThat(read.get("address").asText()).isEqualTo("Hauptstraße 5, 10115 Berlin, Germany");
    assertThat(read.get("contactEmail").asText()).isEqualTo("privacy@acme.example");
    assertThat(read.get("dpoName").asText()).isEqualTo("Dana Datenschutz");
    assertThat(read.get("dpoEmail").asText()).isEqualTo("dpo@acme.example");
    assertThat(read.get("supervisoryAuthority").asText()).startsWith("Berliner Beauftragte");
    assertThat(read.has("representative")).as("optional and not given").isFalse();
    assertThat(read.get("modifiedBy").asText()).isEqualTo(acme.clientId());
    assertThat(read.get("selfUri").asText()).isEqualTo(CONTROLLER);
  }

  @Test
  void aSecondPutReplacesTheDetailsAndBothChangesAreAudited() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));
    Map<String, Object> changed = controllerDetails("Acme SE");
    changed.put("representative", "Acme EU Rep, Dublin");

    acme.api().put(CONTROLLER, changed);

    JsonNode read = acme.api().get(CONTROLLER).json();
    assertThat(read.get("controllerName").asText()).isEqualTo("Acme SE");
    assertThat(read.get("representative").asText()).isEqualTo("Acme EU Rep, Dublin");
    assertThat(count("governance_controllers")).isEqualTo(1);
    List<JsonNode> audited = auditEntries(acme, "governance.controller.updated");
    assertThat(audited).hasSize(2);
    assertThat(audited).allSatisfy(e -> {
      assertThat(e.get("actor").asText()).isEqualTo(acme.clientId());
      assertThat(e.get("targetId").asText()).isEqualTo(acme.orgId());
    });
    assertThat(texts(audited.stream().map(e -> e.get("details")).toList(), "change")).containsExactly("updated", "created");
    String log = String.join("\n", jdbc.sql("select audit_log::text from audit_log").query(String.class).list());
    assertThat(log).as("no names or e-mails in the trail").doesNotContain("Dana", "dpo@acme.example");
  }

  @Test
  void anInvalidEmailIsRejectedNamingTheFieldAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));
    long audited = auditEntries(acme, "governance.controller.updated").size();
    Map<String, Object> bad = controllerDetails("Renamed");
    bad.put("dpoEmail", "not-an-email");

    Api.Response response = acme.api().put(CONTROLLER, bad);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("dpoEmail");
    assertThat(acme.api().get(CONTROLLER).json().get("controllerName").asText()).isEqualTo("Acme GmbH");
    assertThat(auditEntries(acme, "governance.controller.updated")).hasSize((int) audited);
  }

  @Test
  void missingRequiredDetailsAreRejectedNamingTheField() {
    Tenant acme = newTenant("Acme");
    Map<String, Object> noName = controllerDetails("x");
    noName.remove("controllerName");
    Map<String, Object> badContact = controllerDetails("Acme");
    badContact.put("contactEmail", "privacy at acme");

    Api.Response missing = acme.api().put(CONTROLLER, noName);
    Api.Response invalid = acme.api().put(CONTROLLER, badContact);

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").get(0).get("fieldName").asText()).isEqualTo("controllerName");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("details").get(0).get("fieldName").asText()).isEqualTo("contactEmail");
    assertThat(count("governance_controllers")).isZero();
  }

  @Test
  void anotherOrgNeverSeesTheControllerDetails() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    acme.api().put(CONTROLLER, controllerDetails("Acme GmbH"));

    assertThat(globex.api().get(CONTROLLER).status()).isEqualTo(404);
    globex.api().put(CONTROLLER, controllerDetails("Globex Inc"));

    assertThat(acme.api().get(CONTROLLER).json().get("controllerName").asText()).isEqualTo("Acme GmbH");
    assertThat(globex.api().get(CONTROLLER).json().get("controllerName").asText()).isEqualTo("Globex Inc");
    assertThat(globex.api().get(RECORD).text()).doesNotContain("Acme GmbH");
    assertThat(auditEntries(globex, "governance.controller.updated")).hasSize(1);
  }

  @Test
  void aClientWithoutTheViewPermissionGets403AndAViewerCannotEdit() {
    Tenant acme = newTenant("Acme");
    Api outsider = clientWith(acme, "gdpr:request:view");
    Api viewer = clientWith(acme, "governance:record:view");

    for (String path : List.of(INVENTORY, CONTROLLER, RECORD, DPIA, DPIA + "/versions", DPIA + "/versions/1")) {
      Api.Response response = outsider.get(path);
      assertThat(response.status()).as(path).isEqualTo(403);
      assertThat(response.json().get("message").asText()).contains("governance:record:view");
    }
    assertThat(viewer.get(INVENTORY).status()).isEqualTo(200);
    assertThat(viewer.get(RECORD).status()).isEqualTo(200);
    Api.Response edit = viewer.put(CONTROLLER, controllerDetails("Sneaky"));
    assertThat(edit.status()).isEqualTo(403);
    assertThat(edit.json().get("message").asText()).contains("governance:record:edit");
    assertThat(viewer.put(DPIA, dpiaAnswers("Sneaky")).status()).isEqualTo(403);
    assertThat(count("governance_controllers")).isZero();
    assertThat(count("governance_dpias")).isZero();
  }

  private static JsonNode find(JsonNode entities, String name) {
    for (JsonNode entity : entities) {
      if (entity.get("name").asText().equals(name)) {
        return entity;
      }
    }
    throw new AssertionError("no service " + name + " in " + entities);
  }
}

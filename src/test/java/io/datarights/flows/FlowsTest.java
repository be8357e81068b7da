package io.datarights.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.privacy.PersonalDataService;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FlowsTest extends IntegrationTest {

  @Autowired Flows flows;
  @Autowired List<PersonalDataService> services;

  private static Map<String, Object> flow(String name, String... prompts) {
    return Map.of("name", name, "description", "Main inbound IVR", "promptTexts", Arrays.asList(prompts));
  }

  private static String fieldOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").get(0).get("fieldName").asText();
  }

  @Test
  void createsReadsReplacesAndDeletesAFlowWithoutIndexingAnything() {
    Tenant acme = newTenant("Acme");

    Api.Response created = acme.api().post("/api/v2/flows", flow("Inbound", "Welcome to Acme.", "Press 1 for sales."));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(created.json().get("selfUri").asText()).isEqualTo("/api/v2/flows/" + id);
    var fetched = acme.api().get("/api/v2/flows/" + id).json();
    assertThat(fetched.get("name").asText()).isEqualTo("Inbound");
    assertThat(fetched.get("description").asText()).isEqualTo("Main inbound IVR");
    assertThat(fetched.get("promptTexts").get(1).asText()).isEqualTo("Press 1 for sales.");

    Api.Response replaced = acme.api().put("/api/v2/flows/" + id, Map.of("name", "Inbound v2", "promptTexts", List.of("Hello.")));
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("name").asText()).isEqualTo("Inbound v2");
    assertThat(replaced.json().has("description")).as("PUT replaces the whole flow").isFalse();
    assertThat(replaced.json().get("promptTexts")).hasSize(1);
    assertThat(replaced.json().get("version").asInt()).isEqualTo(2);

    assertThat(count("identifier_index")).as("flows are never indexed").isZero();
    assertThat(acme.api().delete("/api/v2/flows/" + id).status()).isEqualTo(204);
    assertThat(acme.api().get("/api/v2/flows/" + id).status()).isEqualTo(404);
    assertThat(acme.api().delete("/api/v2/flows/" + id).status()).isEqualTo(404);
  }

  @Test
  void listsFlowsInPagesByName() {
    Tenant acme = newTenant("Acme");
    for (String name : List.of("Charlie", "alpha", "Bravo")) {
      acme.api().post("/api/v2/flows", flow(name));
    }

    var page1 = acme.api().get("/api/v2/flows?pageSize=2").json();
    var page2 = acme.api().get("/api/v2/flows?pageSize=2&pageNumber=2").json();

    assertThat(page1.get("total").asLong()).isEqualTo(3);
    assertThat(page1.get("entities").findValuesAsText("name")).containsExactly("alpha", "Bravo");
    assertThat(page1.get("nextUri").asText()).isEqualTo("/api/v2/flows?pageSize=2&pageNumber=2");
    assertThat(page2.get("entities").findValuesAsText("name")).containsExactly("Charlie");
  }

  @Test
  void invalidFlowsAreNamedAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post("/api/v2/flows", flow("Keep")).json().get("id").asText();

    assertThat(fieldOf(acme.api().post("/api/v2/flows", Map.of("description", "no name")))).isEqualTo("name");
    assertThat(fieldOf(acme.api().post("/api/v2/flows", flow("X", "fine", " ")))).isEqualTo("promptTexts[1]");
    assertThat(fieldOf(acme.api().post("/api/v2/flows", Map.of("name", "X", "promptTexts", "not a list")))).isEqualTo("promptTexts");
    assertThat(fieldOf(acme.api().post("/api/v2/flows", Map.of("name", "X", "description", "d".repeat(4001))))).isEqualTo("description");
    assertThat(fieldOf(acme.api().put("/api/v2/flows/" + id, Map.of("name", "")))).isEqualTo("name");

    assertThat(count("flows")).isEqualTo(1);
    assertThat(acme.api().get("/api/v2/flows/" + id).json().get("name").asText()).isEqualTo("Keep");
  }

  @Test
  void anotherOrgsFlowsAreNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = acme.api().post("/api/v2/flows", flow("Secret")).json().get("id").asText();

    assertThat(globex.api().get("/api/v2/flows/" + id).status()).isEqualTo(404);
    assertThat(globex.api().put("/api/v2/flows/" + id, flow("Hijack")).status()).isEqualTo(404);
    assertThat(globex.api().delete("/api/v2/flows/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/flows").json().get("total").asLong()).isZero();
    assertThat(flows.find(OrgId.of(globex.orgId()), id)).isEmpty();
    assertThat(acme.api().get("/api/v2/flows/" + id).status()).isEqualTo(200);
  }

  @Test
  void writingNeedsTheArchitectPermissions() {
    Tenant acme = newTenant("Acme");
    Api.Response client =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Reader", "permissions", List.of("architect:flow:view")));
    Api reader = anonymous().withToken(anonymous().token(client.json().get("id").asText(), client.json().get("secret").asText()));
    String id = acme.api().post("/api/v2/flows", flow("Inbound")).json().get("id").asText();

    assertThat(reader.get("/api/v2/flows/" + id).status()).isEqualTo(200);
    assertThat(reader.post("/api/v2/flows", flow("Nope")).status()).isEqualTo(403);
    assertThat(reader.put("/api/v2/flows/" + id, flow("Nope")).status()).isEqualTo(403);
    assertThat(reader.delete("/api/v2/flows/" + id).status()).isEqualTo(403);
  }

  @Test
  void theScannerCanReadEveryFlowsTextsOfOneOrgInBatches() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    for (int i = 0; i < 3; i++) {
      acme.api().post("/api/v2/flows", flow("Flow " + i, "Call Jane Doe at +49 30 1234567"));
    }
    globex.api().post("/api/v2/flows", flow("Other org"));

    List<FlowText> seen = new ArrayList<>();
    flows.forEach(OrgId.of(acme.orgId()), seen::add);

    assertThat(seen).extracting(FlowText::name).containsExactlyInAnyOrder("Flow 0", "Flow 1", "Flow 2");
    assertThat(seen.get(0).promptTexts()).containsExactly("Call Jane Doe at +49 30 1234567");
    assertThat(seen.get(0).description()).isEqualTo("Main inbound IVR");
  }

  @Test
  void flowsTakeNoPartInSubjectSearch() {
    assertThat(services).extracting(PersonalDataService::name).doesNotContain("flows");
  }
}

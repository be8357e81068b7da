package io.datarights.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrganizationsTest extends IntegrationTest {

  @Test
  void thePlatformAdminCreatesAnOrgWhoseFirstClientSeesOnlyItsOwnOrg() {
    Api.Response created = admin().post("/api/v2/admin/organizations", Map.of("name", "Acme", "defaultRegion", "de"));

    assertThat(created.status()).isEqualTo(201);
    var client = created.json().get("client");
    assertThat(client.get("permissions").toString()).contains("gdpr:request:add").doesNotContain("admin:org:add");
    Api acme = anonymous().withToken(anonymous().token(client.get("id").asText(), client.get("secret").asText()));
    Api.Response me = acme.get("/api/v2/organizations/me");
    assertThat(me.json().get("name").asText()).isEqualTo("Acme");
    assertThat(me.json().get("defaultRegion").asText()).isEqualTo("DE");
    assertThat(me.json().get("id").asText()).isEqualTo(created.json().get("organization").get("id").asText());
  }

  @Test
  void aSecondOrgOfTheSameNameIsAConflict() {
    newTenant("Acme");
    long before = count("organizations");

    Api.Response again = admin().post("/api/v2/admin/organizations", Map.of("name", "ACME"));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(count("organizations")).isEqualTo(before);
  }

  @Test
  void onlyThePlatformAdminCreatesOrgs() {
    Tenant acme = newTenant("Acme");
    long before = count("organizations");

    Api.Response response = acme.api().post("/api/v2/admin/organizations", Map.of("name", "Evil"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("message").asText()).contains("admin:org:add");
    assertThat(count("organizations")).isEqualTo(before);
  }

  @Test
  void invalidOrgFieldsAreNamedAndNothingIsWritten() {
    long before = count("organizations");

    Api.Response badRegion = admin().post("/api/v2/admin/organizations", Map.of("name", "Acme", "defaultRegion", "XX"));
    Api.Response noName = admin().post("/api/v2/admin/organizations", Map.of("defaultRegion", "DE"));

    assertThat(badRegion.status()).isEqualTo(400);
    assertThat(badRegion.json().get("details").get(0).get("fieldName").asText()).isEqualTo("defaultRegion");
    assertThat(noName.status()).isEqualTo(400);
    assertThat(noName.json().get("details").get(0).get("fieldName").asText()).isEqualTo("name");
    assertThat(count("organizations")).isEqualTo(before);
    assertThat(count("oauth_clients")).isEqualTo(1);
  }

  @Test
  void theBootstrapCreatesTheDefaultOrgAndAdminOnlyOnce() {
    bootstrap.ensureBootstrapped();
    bootstrap.ensureBootstrapped();

    assertThat(count("organizations")).isEqualTo(1);
    assertThat(count("oauth_clients")).isEqualTo(1);
    assertThat(admin().get("/api/v2/organizations/me").json().get("name").asText()).isEqualTo("default");
  }
}

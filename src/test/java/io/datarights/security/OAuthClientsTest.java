package io.datarights.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuthClientsTest extends IntegrationTest {

  @Test
  void createsAClientWithASubsetOfPermissionsThatCanAuthenticate() {
    Tenant acme = newTenant("Acme");

    Api.Response created =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Exporter", "permissions", List.of("gdpr:request:view")));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String secret = created.json().get("secret").asText();
    assertThat(created.json().get("permissions").get(0).asText()).isEqualTo("gdpr:request:view");
    String token = anonymous().token(id, secret);
    Api.Response view = anonymous().withToken(token).get("/api/v2/oauth/clients/" + id);
    assertThat(view.status()).as("lacks oauth:client:view").isEqualTo(403);
    Api.Response fetched = acme.api().get("/api/v2/oauth/clients/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("name").asText()).isEqualTo("Exporter");
    assertThat(fetched.json().has("secret")).as("the secret is shown once only").isFalse();
  }

  @Test
  void storesOnlyAHashOfTheSecret() {
    Tenant acme = newTenant("Acme");

    String hash =
        jdbc.sql("select secret_hash from oauth_clients where client_id = :id")
            .param("id", acme.clientId())
            .query(String.class)
            .single();

    assertThat(hash).doesNotContain(acme.clientSecret()).startsWith("$2");
  }

  @Test
  void aTokenLackingThePermissionGets403AndWritesNothing() {
    Tenant acme = newTenant("Acme");
    Api.Response viewer =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("oauth:client:view")));
    Api limited = anonymous().withToken(anonymous().token(viewer.json().get("id").asText(), viewer.json().get("secret").asText()));
    long before = count("oauth_clients");

    Api.Response response =
        limited.post("/api/v2/oauth/clients", Map.of("name", "Sneaky", "permissions", List.of("oauth:client:view")));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.json().get("code").asText()).isEqualTo("missing.permissions");
    assertThat(response.json().get("message").asText()).contains("oauth:client:add");
    assertThat(count("oauth_clients")).isEqualTo(before);
  }

  @Test
  void aClientCannotGrantMoreThanItHolds() {
    Tenant acme = newTenant("Acme");
    long before = count("oauth_clients");

    Api.Response response =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Escalator", "permissions", List.of("admin:org:add")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("permissions");
    assertThat(count("oauth_clients")).isEqualTo(before);
  }

  @Test
  void anUnknownPermissionIsRejectedNamingTheField() {
    Tenant acme = newTenant("Acme");

    Api.Response response =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "X", "permissions", List.of("cake:eat")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("permissions");
    assertThat(response.json().get("message").asText()).contains("cake:eat");
  }

  @Test
  void malformedJsonIsABadRequestThatNamesTheProblemAndWritesNothing() {
    Tenant acme = newTenant("Acme");
    long before = count("oauth_clients");

    Api.Response response = acme.api().post("/api/v2/oauth/clients", "{\"name\": \"x\", \"permissions\": [");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asText()).isEqualTo("bad.request");
    assertThat(response.json().get("message").asText()).contains("not valid JSON").contains("line 1");
    assertThat(count("oauth_clients")).isEqualTo(before);
  }

  @Test
  void missingFieldsAreNamed() {
    Tenant acme = newTenant("Acme");

    Api.Response response = acme.api().post("/api/v2/oauth/clients", Map.of("name", " "));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactlyInAnyOrder("name", "permissions");
  }

  @Test
  void listsTheOrgsClientsInPages() {
    Tenant acme = newTenant("Acme");
    for (int i = 0; i < 3; i++) {
      acme.api().post("/api/v2/oauth/clients", Map.of("name", "Client " + i, "permissions", List.of("gdpr:request:view")));
    }

    Api.Response page1 = acme.api().get("/api/v2/oauth/clients?pageSize=3&pageNumber=1");
    Api.Response page2 = acme.api().get("/api/v2/oauth/clients?pageSize=3&pageNumber=2");

    assertThat(page1.json().get("total").asLong()).isEqualTo(4);
    assertThat(page1.json().get("pageCount").asLong()).isEqualTo(2);
    assertThat(page1.json().get("entities")).hasSize(3);
    assertThat(page1.json().get("nextUri").asText()).isEqualTo("/api/v2/oauth/clients?pageSize=3&pageNumber=2");
    assertThat(page2.json().get("entities")).hasSize(1);
    assertThat(page2.json().has("nextUri")).isFalse();
  }

  @Test
  void aBadPageSizeIsNamed() {
    Tenant acme = newTenant("Acme");

    Api.Response response = acme.api().get("/api/v2/oauth/clients?pageSize=0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("pageSize");
  }

  @Test
  void anotherOrgsClientIsNotFoundAndCannotBeDeleted() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");

    assertThat(globex.api().get("/api/v2/oauth/clients/" + acme.clientId()).status()).isEqualTo(404);
    assertThat(globex.api().delete("/api/v2/oauth/clients/" + acme.clientId()).status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/oauth/clients").json().get("entities").findValuesAsText("id"))
        .containsExactly(globex.clientId());
    assertThat(acme.api().get("/api/v2/oauth/clients/" + acme.clientId()).status()).isEqualTo(200);
  }

  @Test
  void deletingAClientStopsItFromGettingTokens() {
    Tenant acme = newTenant("Acme");
    Api.Response other =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Old", "permissions", List.of("gdpr:request:view")));
    String id = other.json().get("id").asText();

    assertThat(acme.api().delete("/api/v2/oauth/clients/" + id).status()).isEqualTo(204);

    Api.Response token = anonymous().tokenResponse(id, other.json().get("secret").asText(), "grant_type=client_credentials");
    assertThat(token.status()).isEqualTo(401);
    assertThat(acme.api().delete("/api/v2/oauth/clients/" + acme.clientId()).status())
        .as("a client cannot lock its org out by deleting itself")
        .isEqualTo(409);
  }
}

package io.datarights.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenEndpointTest extends IntegrationTest {

  @Test
  void issuesABearerTokenThatOpensAuthenticatedEndpoints() {
    Api.Response response = anonymous().tokenResponse(ADMIN_ID, ADMIN_SECRET, "grant_type=client_credentials");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("token_type").asText()).isEqualTo("bearer");
    assertThat(response.json().get("expires_in").asLong()).isEqualTo(Duration.ofHours(24).toSeconds());
    String token = response.json().get("access_token").asText();
    assertThat(token.split("\\.")).hasSize(3);

    Api.Response me = anonymous().withToken(token).get("/api/v2/organizations/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("name").asText()).isEqualTo("default");
  }

  @Test
  void aWrongSecretIsRefusedAsBadCredentials() {
    Api.Response response = anonymous().tokenResponse(ADMIN_ID, "not-the-secret", "grant_type=client_credentials");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("bad.credentials");
  }

  @Test
  void anUnknownClientIsRefusedTheSameWayAsAWrongSecret() {
    Api.Response response = anonymous().tokenResponse("no-such-client", "whatever", "grant_type=client_credentials");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("bad.credentials");
    assertThat(response.json().get("message").asText()).isEqualTo("Invalid client credentials.");
  }

  @Test
  void aTokenRequestWithoutClientAuthenticationNeedsAuthentication() {
    Api.Response response =
        anonymous()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("authentication.required");
    assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void anotherGrantTypeIsABadRequestNamingGrantType() {
    Api.Response response = anonymous().tokenResponse(ADMIN_ID, ADMIN_SECRET, "grant_type=password");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("grant_type");
  }

  @Test
  void aRequestWithoutATokenNeedsAuthentication() {
    Api.Response response = anonymous().get("/api/v2/organizations/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("authentication.required");
  }

  @Test
  void anExpiredTokenIsRefused() {
    String token = anonymous().token(ADMIN_ID, ADMIN_SECRET);
    clock.advance(Duration.ofHours(24).plusMinutes(1));

    Api.Response response = anonymous().withToken(token).get("/api/v2/organizations/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("bad.credentials");
  }

  @Test
  void aTokenWithAlteredClaimsIsRefused() {
    String token = anonymous().token(ADMIN_ID, ADMIN_SECRET);
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = claims.replace("\"test-platform-admin\"", "\"someone-else\"");
    String tampered =
        parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];

    Api.Response response = anonymous().withToken(tampered).get("/api/v2/organizations/me");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().get("code").asText()).isEqualTo("bad.credentials");
  }

  @Test
  void anUnsignedTokenIsRefused() {
    String token = anonymous().token(ADMIN_ID, ADMIN_SECRET);
    String[] parts = token.split("\\.");
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());

    Api.Response response = anonymous().withToken(none + "." + parts[1] + ".").get("/api/v2/organizations/me");

    assertThat(response.status()).isEqualTo(401);
  }
}

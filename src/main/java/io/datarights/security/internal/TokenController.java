package io.datarights.security.internal;

import io.datarights.security.ClientAuthenticationLimits;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token}: the OAuth2 client credentials grant with HTTP Basic client auth.
 * Guessing secrets is throttled: after too many failures for a client id or from an address, every
 * attempt gets a 429 before its secret is checked, whether it is right or not.
 */
@RestController
class TokenController {

  private final ClientService clients;
  private final Tokens tokens;
  private final ClientAuthenticationLimits limits;
  private final ApplicationEventPublisher events;

  TokenController(ClientService clients, Tokens tokens, ClientAuthenticationLimits limits, ApplicationEventPublisher events) {
    this.clients = clients;
    this.tokens = tokens;
    this.limits = limits;
    this.events = events;
  }

  record TokenResponse(String access_token, String token_type, long expires_in) {}

  @PostMapping(path = "/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  TokenResponse token(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) MultiValueMap<String, String> form,
      HttpServletRequest request) {
    String[] credentials = basicCredentials(authorization);
    String grantType = form == null ? null : form.getFirst("grant_type");
    if (grantType == null || grantType.isBlank()) {
      throw ApiException.invalidValue("grant_type", "The form field grant_type is required.");
    }
    if (!grantType.equals("client_credentials")) {
      throw ApiException.invalidValue("grant_type", "Only grant_type=client_credentials is supported.");
    }
    String address = request.getRemoteAddr();
    ApiException throttled = limits.admit(credentials[0], address).orElse(null);
    if (throttled != null) {
      if (limits.firstRefusalInPeriod(credentials[0])) {
        clients.orgOf(credentials[0]).ifPresent(
            org -> events.publishEvent(AuditableEvent.of(org, "oauth.token.throttled", credentials[0], "oauthClient", credentials[0])));
      }
      throw throttled;
    }
    StoredClient client = clients.authenticate(credentials[0], credentials[1]).orElse(null);
    if (client == null) {
      clients.orgOf(credentials[0]).ifPresent(
          org -> events.publishEvent(AuditableEvent.of(org, "oauth.token.refused", credentials[0], "oauthClient", credentials[0])));
      throw badCredentials();
    }
    limits.succeeded(credentials[0], address);
    Tokens.Issued issued = tokens.issue(client);
    events.publishEvent(AuditableEvent.of(client.orgId(), "oauth.token.issued", client.clientId(), "oauthClient", client.clientId()));
    return new TokenResponse(issued.value(), "bearer", issued.expiresInSeconds());
  }

  private static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new ApiException(
          HttpStatus.UNAUTHORIZED,
          "authentication.required",
          "Client authentication is required: send the client id and secret with HTTP Basic.",
          Map.of(),
          List.of(new ErrorBody.Detail("authentication.required", "Authorization")),
          basicChallenge());
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badCredentials();
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      throw badCredentials();
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private static ApiException badCredentials() {
    return new ApiException(
        HttpStatus.UNAUTHORIZED, "bad.credentials", "Invalid client credentials.", Map.of(), List.of(), basicChallenge());
  }

  private static HttpHeaders basicChallenge() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"datarights\"");
    return headers;
  }
}

package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.datarights.reliability.SweepFixture.OrgObjects;
import io.datarights.reliability.SweepTables.Body;
import io.datarights.reliability.SweepTables.Refs;
import io.datarights.support.Api;
import io.datarights.support.ConsoleSession;
import io.datarights.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Every operation of the OpenAPI document that needs a bearer token, called with every way of not
 * having a valid one: none, expired, altered, signed by another key, unsigned, signed with the
 * public key as an HMAC secret, an embedded key, garbage, and HTTP Basic. Each must be a 401 with
 * the Genesys error body and a {@code WWW-Authenticate} challenge, and change nothing.
 */
class AuthenticationSweepTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @Autowired JwtEncoder encoder;

  @Test
  void everyOperationThatNeedsATokenRefusesEveryInvalidOneWith401AndChangesNothing() throws Exception {
    SweepFixture fixture = new SweepFixture(port, gate);
    OrgObjects a = fixture.build(newTenant("Acme"), 1);
    Map<String, String> credentials = invalidCredentials(a);
    List<ApiOperation> operations = ApiOperation.fetch(anonymous()).stream()
        .filter(op -> SweepTables.isApi(op.path()) && !SweepTables.WITHOUT_TOKEN.contains(op.key()))
        .toList();
    Map<String, Long> rowsBefore = rows();

    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Integer> codes = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    int requests = 0;
    for (ApiOperation op : operations) {
      Call call = callOf(op, a);
      for (var credential : credentials.entrySet()) {
        Map<String, String> headers = new LinkedHashMap<>(call.body().headers());
        if (credential.getValue() != null) {
          headers.put("Authorization", credential.getValue());
        }
        Api.Response r = fixture.send(null, op.method(), call.pathAndQuery(), call.body().contentType(), call.body().content(), headers);
        requests++;
        statuses.merge(r.status(), 1, Integer::sum);
        String code = r.status() == 401 ? r.json().path("code").asText() : "";
        codes.merge(credential.getKey() + " -> " + r.status() + " " + code, 1, Integer::sum);
        String challenge = r.header("WWW-Authenticate");
        if (r.status() != 401 || !Set.of("authentication.required", "bad.credentials").contains(code)
            || challenge == null || !challenge.startsWith("Bearer") || !r.json().has("contextId")) {
          problems.add(op.key() + " with " + credential.getKey() + ": " + r + " WWW-Authenticate: " + challenge);
        }
      }
    }

    assertThat(problems).as("operations that did not refuse an invalid token").isEmpty();
    assertThat(rows()).as("rows per table").isEqualTo(rowsBefore);
    // The same requests with a valid token are served: the sweep aimed at real objects.
    int served = 0;
    for (ApiOperation op : operations) {
      if (op.method().equals("GET") && !SweepTables.NOT_SWEPT.containsKey(op.key())) {
        Api.Response r = fixture.send(a.token(), "GET", callOf(op, a).pathAndQuery(), null, null, Map.of());
        assertThat(r.status()).as(op.key() + " with a valid token: " + r).isEqualTo(200);
        served++;
      }
    }
    System.out.printf("AUTHENTICATION SWEEP: %d operations x %d kinds of invalid credentials = %d requests; statuses %s;"
            + " %d GETs served with a valid token; by kind: %s%n",
        operations.size(), credentials.size(), requests, statuses, served, codes);
  }

  @Test
  void theTokenOfADeletedClientIsRefusedAtOnce() {
    Tenant acme = newTenant("Acme");
    Api.Response created = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Temp", "permissions", List.of("directory:user:view")));
    String clientId = created.json().get("id").asText();
    Api temp = anonymous().withToken(anonymous().token(clientId, created.json().get("secret").asText()));
    assertThat(temp.get("/api/v2/users").status()).isEqualTo(200);

    assertThat(acme.api().delete("/api/v2/oauth/clients/" + clientId).status()).isEqualTo(204);

    Api.Response after = temp.get("/api/v2/users");
    assertThat(after.status()).as(after.toString()).isEqualTo(401);
    assertThat(after.json().get("code").asText()).isEqualTo("bad.credentials");
  }

  @Test
  void theConsoleSessionOfADeletedClientEndsAtOnce() {
    Tenant acme = newTenant("Acme");
    Api.Response created = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Officer", "permissions", List.of("gdpr:request:view")));
    ConsoleSession browser = ConsoleSession.at(port);
    browser.signIn(created.json().get("id").asText(), created.json().get("secret").asText());
    assertThat(browser.get("/console/requests").status()).isEqualTo(200);

    acme.api().delete("/api/v2/oauth/clients/" + created.json().get("id").asText());

    assertThat(browser.get("/console/requests").redirectPath()).isEqualTo("/console/sign-in");
  }

  private record Call(String pathAndQuery, Body body) {}

  /** The operation as A would call it on its own objects, with a realistic body. */
  private static Call callOf(ApiOperation op, OrgObjects a) {
    String path = op.path();
    for (var variable : SweepTables.variablesOf(op).entrySet()) {
      path = path.replace("{" + variable.getKey() + "}", URLEncoder.encode(a.ref(variable.getValue()), StandardCharsets.UTF_8));
    }
    Body body = SweepTables.bodiesOf(op, Refs.of(a, a)).get(0);
    Map<String, String> query = new LinkedHashMap<>(SweepTables.queryOf(op, a, a));
    query.putAll(body.query());
    String q = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return new Call(path + (q.isEmpty() ? "" : "?" + q), body);
  }

  /** Each kind of invalid credential, as the Authorization header it sends (null: none at all). */
  private Map<String, String> invalidCredentials(OrgObjects a) throws Exception {
    String token = a.token();
    String[] parts = token.split("\\.");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    String kid = header.path("kid").asText(null);
    RSAKey real = RSAKey.parse(jdbc.sql("select public_jwk from signing_keys order by created_at desc limit 1").query(String.class).single());
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();

    Map<String, String> credentials = new LinkedHashMap<>();
    credentials.put("no Authorization header", null);

    Instant now = clock.instant();
    JwtClaimsSet.Builder expired = JwtClaimsSet.builder();
    claims.fields().forEachRemaining(c -> expired.claim(c.getKey(), JSON.convertValue(c.getValue(), Object.class)));
    expired.issuedAt(now.minus(Duration.ofHours(25))).expiresAt(now.minus(Duration.ofMinutes(5)));
    credentials.put("expired token signed with the real key",
        "Bearer " + encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), expired.build())).getTokenValue());

    ObjectNode otherOrg = claims.deepCopy().put("org", UUID.randomUUID().toString());
    credentials.put("org claim changed, signature kept", "Bearer " + parts[0] + "." + b64(otherOrg) + "." + parts[2]);

    JWSObject foreign = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), new Payload(claims.toString()));
    foreign.sign(new RSASSASigner(stranger));
    credentials.put("signed with another RSA key", "Bearer " + foreign.serialize());

    JWSObject embedded = new JWSObject(
        new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(stranger.toPublicJWK()).type(JOSEObjectType.JWT).build(), new Payload(claims.toString()));
    embedded.sign(new RSASSASigner(stranger));
    credentials.put("signed with a key embedded in its header", "Bearer " + embedded.serialize());

    credentials.put("alg none", "Bearer " + b64(JSON.createObjectNode().put("alg", "none").put("typ", "JWT")) + "." + parts[1] + ".");

    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(real.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    String hsInput = b64(JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid)) + "." + parts[1];
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(pem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    credentials.put("HS256 with the public key as secret",
        "Bearer " + hsInput + "." + B64.encodeToString(mac.doFinal(hsInput.getBytes(StandardCharsets.US_ASCII))));

    credentials.put("garbage", "Bearer this-is-not-a-token");
    credentials.put("empty bearer", "Bearer ");
    credentials.put("HTTP Basic with the client's real id and secret",
        "Basic " + Base64.getEncoder().encodeToString((a.tenant().clientId() + ":" + a.tenant().clientSecret()).getBytes(StandardCharsets.UTF_8)));
    return credentials;
  }

  private static String b64(JsonNode json) {
    return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Rows of every table but the scheduler's and the rate limits' own. */
  private Map<String, Long> rows() {
    Map<String, Long> rows = new TreeMap<>();
    for (String table : jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list()) {
      if (!Set.of("scheduled_tasks", "rate_limit_buckets").contains(table)) {
        rows.put(table, count(table));
      }
    }
    return rows;
  }
}

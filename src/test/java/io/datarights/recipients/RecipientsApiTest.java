package io.datarights.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RecipientsApiTest extends IntegrationTest {

  private static final String PATH = "/api/v2/governance/recipients";

  private static Map<String, Object> recipient(String name, String url) {
    return new HashMap<>(Map.of("name", name, "url", url));
  }

  @Test
  void aRecipientIsCreatedWithAGeneratedSecretShownOnlyOnce(CapturedOutput output) {
    Tenant acme = newTenant("Acme");

    Api.Response created = acme.api().post(PATH, recipient("CRM vendor", "https://crm.example.com/hooks/datarights"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.get("id").asText();
    String secret = body.get("secret").asText();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    assertThat(body.get("name").asText()).isEqualTo("CRM vendor");
    assertThat(body.get("url").asText()).isEqualTo("https://crm.example.com/hooks/datarights");
    assertThat(body.get("events").toString()).isEqualTo("[\"GDPR_UPDATE\",\"GDPR_DELETE\"]");
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(body.get("selfUri").asText()).isEqualTo(PATH + "/" + id);
    assertThat(body.get("deliveriesUri").asText()).isEqualTo(PATH + "/" + id + "/deliveries");

    JsonNode read = acme.api().get(PATH + "/" + id).json();
    assertThat(read.get("name").asText()).isEqualTo("CRM vendor");
    assertThat(read.has("secret")).isFalse();
    assertThat(acme.api().get(PATH).text()).doesNotContain(secret);
    byte[] stored = jdbc.sql("select secret_encrypted from recipients").query(byte[].class).single();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    assertThat(acme.api().get("/api/v2/audits?pageSize=100").text()).doesNotContain(secret);
    assertThat(output.getAll()).doesNotContain(secret);
  }

  @Test
  void aGivenSecretAndEventSubsetAreKept() {
    Tenant acme = newTenant("Acme");
    Map<String, Object> body = recipient("Newsletter tool", "http://mailer.example.com:8443/gdpr?tenant=acme");
    body.put("secret", "a-secret-of-our-own-choosing");
    body.put("events", List.of("GDPR_DELETE"));
    body.put("active", false);

    JsonNode created = acme.api().post(PATH, body).json();

    assertThat(created.get("secret").asText()).isEqualTo("a-secret-of-our-own-choosing");
    JsonNode read = acme.api().get(PATH + "/" + created.get("id").asText()).json();
    assertThat(read.get("events").toString()).isEqualTo("[\"GDPR_DELETE\"]");
    assertThat(read.get("active").asBoolean()).isFalse();
    assertThat(read.get("url").asText()).isEqualTo("http://mailer.example.com:8443/gdpr?tenant=acme");
  }

  @Test
  void recipientsAreListedWithPaging() {
    Tenant acme = newTenant("Acme");
    for (String name : List.of("First", "Second", "Third")) {
      acme.api().post(PATH, recipient(name, "https://" + name.toLowerCase() + ".example.com/hook"));
      clock.advance(Duration.ofSeconds(1)); // listed in order of creation
    }

    JsonNode first = acme.api().get(PATH + "?pageSize=2&pageNumber=1").json();
    JsonNode second = acme.api().get(PATH + "?pageSize=2&pageNumber=2").json();

    assertThat(first.get("entities").findValuesAsText("name")).containsExactly("First", "Second");
    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("pageCount").asLong()).isEqualTo(2);
    assertThat(first.get("nextUri").asText()).isEqualTo(PATH + "?pageSize=2&pageNumber=2");
    assertThat(first.toString()).doesNotContain("\"secret\"");
    assertThat(second.get("entities").findValuesAsText("name")).containsExactly("Third");
    assertThat(acme.api().get(PATH + "?pageSize=0").json().get("details").get(0).get("fieldName").asText()).isEqualTo("pageSize");
  }

  @Test
  void aDeletedRecipientIsGoneAndItsSecretWiped() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post(PATH, recipient("CRM vendor", "https://crm.example.com/hook")).json().get("id").asText();

    assertThat(acme.api().delete(PATH + "/" + id).status()).isEqualTo(204);

    assertThat(acme.api().get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(acme.api().get(PATH + "/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(acme.api().delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(acme.api().get(PATH).json().get("total").asLong()).isZero();
    assertThat(jdbc.sql("select secret_encrypted is null from recipients").query(Boolean.class).single())
        .as("nothing may sign with a deleted recipient's secret").isTrue();
    List<String> actions =
        acme.api().get("/api/v2/audits?pageSize=100").json().get("entities").findValuesAsText("action");
    assertThat(actions).contains("recipient.created", "recipient.deleted");
  }

  @Test
  void unknownAndMalformedIdsAreNotFound() {
    Tenant acme = newTenant("Acme");

    assertThat(acme.api().get(PATH + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(acme.api().get(PATH + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(acme.api().get(PATH + "/not-a-uuid/deliveries").status()).isEqualTo(404);
    assertThat(acme.api().delete(PATH + "/not-a-uuid").status()).isEqualTo(404);
  }

  @Test
  void onlyHttpAndHttpsUrlsWithAHostAreAccepted() {
    Tenant acme = newTenant("Acme");
    List<String> badUrls =
        List.of(
            "ftp://files.example.com/hook", "javascript:alert(1)", "mailto:dpo@example.com", "file:///etc/passwd",
            "not a url", "//example.com/hook", "http:///no-host", "https://", "", "   ");

    for (String url : badUrls) {
      Api.Response response = acme.api().post(PATH, recipient("Bad", url));
      assertThat(response.status()).as(url).isEqualTo(400);
      assertThat(response.json().get("details").get(0).get("fieldName").asText()).as(url).isEqualTo("url");
    }
    Api.Response missing = acme.api().post(PATH, Map.of("name", "No URL"));
    assertThat(missing.json().get("details").get(0).get("fieldName").asText()).isEqualTo("url");
    assertThat(count("recipients")).isZero();
  }

  @Test
  void urlsThatReachTheServersOwnNetworkAreRefusedSayingWhyWithoutTheAddress() {
    Tenant acme = newTenant("Acme");
    // The tests allow 127.0.0.1/32 only (their webhook receivers listen there); the refusal of
    // 127.0.0.1 and localhost themselves under the default setting is in EgressPolicyTest.
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("http://0.0.0.0:" + port + "/api/v2/organizations/me", "an unspecified address");
    refused.put("http://[::1]:" + port + "/hook", "a loopback address");
    refused.put("http://127.0.0.2:" + port + "/hook", "a loopback address");
    refused.put("http://[::ffff:127.0.0.2]/hook", "a loopback address");
    refused.put("http://10.1.2.3/hook", "a private address");
    refused.put("http://192.168.0.10:8080/hook", "a private address");
    refused.put("http://169.254.169.254/latest/meta-data/", "a link-local address");
    refused.put("http://[::ffff:169.254.169.254]/latest/meta-data/", "a link-local address");
    refused.put("https://224.0.0.1/hook", "a multicast address");
    refused.put("http://[fd00::1]/hook", "a private address");

    refused.forEach((url, why) -> {
      Api.Response response = acme.api().post(PATH, recipient("Internal", url));
      assertThat(response.status()).as(url).isEqualTo(400);
      JsonNode body = response.json();
      assertThat(body.get("details").get(0).get("fieldName").asText()).as(url).isEqualTo("url");
      assertThat(body.get("message").asText()).as(url).isEqualTo(
          "url resolves to " + why + "; only public addresses are allowed unless DATARIGHTS_EGRESS_ALLOWED_RANGES allows it.");
    });
    assertThat(count("recipients")).isZero();
  }

  @Test
  void anAddressInsideAnAllowedRangeIsAccepted() {
    Tenant acme = newTenant("Acme");

    // 127.0.0.1/32 is what the tests allow (DATARIGHTS_EGRESS_ALLOWED_RANGES).
    Api.Response created = acme.api().post(PATH, recipient("Local receiver", "http://127.0.0.1:9/hook"));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  @Test
  void otherInvalidFieldsAreNamedAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    String url = "https://crm.example.com/hook";
    Map<String, Map<String, Object>> cases =
        Map.of(
            "name", Map.of("name", " ", "url", url),
            "secret", Map.of("name", "CRM", "url", url, "secret", "too-short"),
            "events", Map.of("name", "CRM", "url", url, "events", List.of("GDPR_EXPORT")));

    cases.forEach(
        (field, body) -> {
          Api.Response response = acme.api().post(PATH, body);
          assertThat(response.status()).as(field).isEqualTo(400);
          assertThat(response.json().get("details").get(0).get("fieldName").asText()).as(field).isEqualTo(field);
        });
    Api.Response noEvents = acme.api().post(PATH, Map.of("name", "CRM", "url", url, "events", List.of()));
    assertThat(noEvents.json().get("details").get(0).get("fieldName").asText()).isEqualTo("events");
    assertThat(count("recipients")).isZero();
    assertThat(jdbc.sql("select count(*) from audit_log where action = 'recipient.created'").query(Long.class).single()).isZero();
  }

  @Test
  void anotherOrgNeitherSeesNorDeletesTheRecipients() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = acme.api().post(PATH, recipient("CRM vendor", "https://crm.example.com/hook")).json().get("id").asText();
    globex.api().post(PATH, recipient("Globex CRM", "https://crm.globex.example/hook"));

    assertThat(globex.api().get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(PATH + "/" + id + "/deliveries").status()).isEqualTo(404);
    assertThat(globex.api().delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(PATH).json().get("entities").findValuesAsText("name")).containsExactly("Globex CRM");
    assertThat(acme.api().get(PATH + "/" + id).status()).isEqualTo(200);
  }

  @Test
  void clientsNeedTheRecipientPermissions() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post(PATH, recipient("CRM vendor", "https://crm.example.com/hook")).json().get("id").asText();
    Api viewer = clientWith(acme, "governance:recipient:view");
    Api outsider = clientWith(acme, "gdpr:request:view");

    assertThat(viewer.get(PATH).status()).isEqualTo(200);
    assertThat(viewer.get(PATH + "/" + id + "/deliveries").status()).isEqualTo(200);
    assertThat(viewer.post(PATH, recipient("Another", "https://other.example.com/hook")).status()).isEqualTo(403);
    assertThat(viewer.delete(PATH + "/" + id).status()).isEqualTo(403);
    Api.Response refused = outsider.get(PATH + "/" + id);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("code").asText()).isEqualTo("missing.permissions");
    assertThat(outsider.get(PATH + "/" + id + "/deliveries").status()).isEqualTo(403);
    assertThat(count("recipients")).isEqualTo(1);
  }

  private Api clientWith(Tenant tenant, String permission) {
    JsonNode client =
        tenant.api().post("/api/v2/oauth/clients", Map.of("name", "limited " + permission, "permissions", List.of(permission))).json();
    return anonymous().withToken(anonymous().token(client.get("id").asText(), client.get("secret").asText()));
  }
}

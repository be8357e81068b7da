package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bugs the hostile-input sweeps found, one focused test each: each used to be a 500, an error
 * body naming the server's classes, or a message echoing megabytes of input.
 */
class HostileInputRegressionsTest extends IntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String fieldOf(Api.Response response) {
    return response.json().get("details").get(0).get("fieldName").asText();
  }

  @Test
  void aNulCharacterInTextIsA400NamingTheFieldAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    long users = count("directory_users");

    Api.Response response = acme.api().post("/api/v2/users", Map.of("name", "Erika\u0000Mustermann", "email", "erika@example.com"));

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(fieldOf(response)).isEqualTo("name");
    assertThat(response.json().get("message").asText()).contains("NUL character");
    assertThat(count("directory_users")).isEqualTo(users);
  }

  @Test
  void aNulCharacterInAFreeFormValueOrKeyIsA400NamingTheField() {
    Tenant acme = newTenant("Acme");

    Api.Response inValue = acme.api().post("/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jane", "customFields", Map.of("notes", List.of("fine", "not\u0000fine"))));
    Api.Response inKey = acme.api().post("/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jane", "customFields", Map.of("no\u0000te", "x")));
    Api.Response inListKey = acme.api().post("/api/v2/conversations", Map.of("mediaType", "voice", "participants",
        List.of(Map.of("purpose", "customer", "name", "Jane", "attributes", Map.of("k\u0000", "v")))));

    assertThat(inValue.status()).as(inValue.toString()).isEqualTo(400);
    assertThat(fieldOf(inValue)).isEqualTo("customFields.notes");
    assertThat(inKey.status()).as(inKey.toString()).isEqualTo(400);
    assertThat(fieldOf(inKey)).startsWith("customFields");
    assertThat(inListKey.status()).as(inListKey.toString()).isEqualTo(400);
    assertThat(fieldOf(inListKey)).startsWith("participants[0].attributes");
    assertThat(count("external_contacts")).isZero();
    assertThat(count("conversations")).isZero();
  }

  @Test
  void halfASurrogatePairIsRefusedInsteadOfStoredAsAQuestionMark() {
    Tenant acme = newTenant("Acme");

    Api.Response response = acme.api().post("/api/v2/flows", "{\"name\": \"Menu \\ud800\", \"promptTexts\": []}");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(fieldOf(response)).isEqualTo("name");
    assertThat(count("flows")).isZero();
  }

  @Test
  void aKeyGivenTwiceIsA400NamingItsPathInsteadOfA500() {
    Tenant acme = newTenant("Acme");

    Api.Response nested = acme.api().post("/api/v2/outbound/contactlists",
        "{\"name\": \"L\", \"columnNames\": [\"email\"], \"emailColumns\": [{\"columnName\": \"email\", \"type\": \"work\", \"type\": 7}]}");
    Api.Response top = acme.api().put("/api/v2/journey/customers/cookie/c1/consent", "{\"tracking\": true, \"tracking\": false}");

    assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
    assertThat(fieldOf(nested)).isEqualTo("emailColumns[0].type");
    assertThat(nested.json().get("message").asText()).isEqualTo("The field emailColumns[0].type is given twice.");
    assertThat(top.status()).as(top.toString()).isEqualTo(400);
    assertThat(fieldOf(top)).isEqualTo("tracking");
    assertThat(count("outbound_contact_lists")).isZero();
    assertThat(count("journey_consents")).isZero();
  }

  @Test
  void aBodyOfTheWrongKindSaysWhatItMustBeWithoutNamingTheServersClasses() {
    Tenant acme = newTenant("Acme");

    Api.Response array = acme.api().post("/api/v2/users", "[{\"name\": \"Erika\"}]");
    Api.Response number = acme.api().post("/api/v2/gdpr/requests", "42");
    Api.Response object = acme.api().post("/api/v2/outbound/contactlists/" + java.util.UUID.randomUUID() + "/contacts", "{\"data\": {}}");

    assertThat(array.status()).isEqualTo(400);
    assertThat(array.json().get("message").asText()).isEqualTo("The request body must be a JSON object.");
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.json().get("message").asText()).isEqualTo("The request body must be a JSON object.");
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.json().get("message").asText()).isEqualTo("The request body must be a JSON array.");
    for (Api.Response response : List.of(array, number, object)) {
      assertThat(response.text()).doesNotContain("io.datarights").doesNotContain("`").doesNotContain("Cannot ");
    }
  }

  @Test
  void tenThousandLevelsOfNestingAndATruncatedBodyAreRefusedWithoutTheParsersInternals() {
    Tenant acme = newTenant("Acme");
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    Api.Response nested = acme.api().post("/api/v2/flows", deep);
    Api.Response truncated = acme.api().post("/api/v2/flows", "{\"name\": \"Menu\", \"promptTexts\": [");

    assertThat(nested.status()).isEqualTo(400);
    assertThat(nested.json().get("message").asText()).isEqualTo("The request body is nested too deeply, or holds a number or text too long to read.");
    assertThat(truncated.status()).isEqualTo(400);
    assertThat(truncated.json().get("message").asText()).startsWith("The request body is not valid JSON (line 1, column ");
    for (Api.Response response : List.of(nested, truncated)) {
      assertThat(response.text()).doesNotContain("StreamReadConstraints").doesNotContain("[Source:").doesNotContain("REDACTED");
    }
  }

  @Test
  void aWildcardContentTypeIs415InsteadOfA500() throws Exception {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());

    for (String type : List.of("*/*", "application/*")) {
      HttpResponse<byte[]> response = probe.send("POST", "/api/v2/flows", type, "{\"name\": \"Menu\"}".getBytes(StandardCharsets.UTF_8));

      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(json(response).get("code").asText()).isEqualTo("unsupported.media.type");
    }
    assertThat(count("flows")).isZero();
  }

  @Test
  void aPathTheHttpServerRefusesGetsTheGenesysErrorBodyNotAnHtmlPage() throws Exception {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());

    for (String path : List.of("/api/v2/flows/%00", "/api/v2/flows/..%2F..%2Fetc%2Fpasswd", "/api/v2/users/%2e%2e/%2e%2e/x")) {
      HttpResponse<byte[]> response = probe.get(path);

      String text = new String(response.body(), StandardCharsets.UTF_8);
      assertThat(response.statusCode()).as(path + " " + text).isBetween(400, 499);
      assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
      JsonNode body = json(response);
      assertThat(body.path("status").asInt()).as(path + " " + text).isEqualTo(response.statusCode());
      assertThat(body.path("contextId").asText()).as(path + " " + text).isNotBlank();
      assertThat(body.path("details").isArray()).as(path + " " + text).isTrue();
    }
  }

  @Test
  void aRefusedValueIsNotEchoedBackInTheMessage() {
    Tenant acme = newTenant("Acme");
    String huge = "x".repeat(100_000);

    Api.Response permission = acme.api().post("/api/v2/oauth/clients", Map.of("name", "c", "permissions", List.of(huge)));
    Api.Response event = acme.api().post("/api/v2/governance/recipients", Map.of("name", "r", "url", "https://crm.example.com/hook", "events", List.of(huge)));

    assertThat(permission.status()).isEqualTo(400);
    assertThat(permission.raw().body().length).isLessThan(2_000);
    assertThat(event.status()).isEqualTo(400);
    assertThat(event.raw().body().length).isLessThan(2_000);
  }

  @Test
  void aNulCharacterInAQueryParameterIsA400NamingItInsteadOfA500() {
    Tenant acme = newTenant("Acme");

    Api.Response search = acme.api().get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=jane%00@example.com");
    Api.Response audits = acme.api().get("/api/v2/audits?action=%00");

    assertThat(search.status()).as(search.toString()).isEqualTo(400);
    assertThat(fieldOf(search)).isEqualTo("searchValue");
    assertThat(audits.status()).as(audits.toString()).isEqualTo(400);
    assertThat(fieldOf(audits)).isEqualTo("action");
  }

  @Test
  void aNulByteInACsvCellIsReportedForItsRowAndNothingIsImported() {
    Tenant acme = newTenant("Acme");
    String list = acme.api().post("/api/v2/outbound/contactlists", Map.of("name", "L", "columnNames", List.of("name", "notes")))
        .json().get("id").asText();
    byte[] csv = "name,notes\nMax,fine\nErika,not\u0000fine\n".getBytes(StandardCharsets.UTF_8);

    Api.Response response = io.datarights.support.Multipart.upload(
        acme.api(), "/api/v2/outbound/contactlists/" + list + "/contacts/import", "c.csv", "text/csv", csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(fieldOf(response)).isEqualTo("row 3: notes");
    assertThat(count("outbound_contacts")).isZero();
  }

  @Test
  void aCsvHeaderOfAMillionUnknownColumnsIsReportedInAFewKilobytes() {
    Tenant acme = newTenant("Acme");
    String list = acme.api().post("/api/v2/outbound/contactlists", Map.of("name", "L", "columnNames", List.of("name")))
        .json().get("id").asText();
    StringBuilder header = new StringBuilder("name");
    for (int i = 0; i < 1_000_000; i++) {
      header.append(",c").append(i);
    }
    header.append(",").append("x".repeat(1_000_000)).append("\nMax\n");

    Api.Response response = io.datarights.support.Multipart.upload(acme.api(), "/api/v2/outbound/contactlists/" + list + "/contacts/import",
        "c.csv", "text/csv", header.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details")).hasSize(100);
    assertThat(response.raw().body().length).isLessThan(16 * 1024);
  }

  @Test
  void aNulInTheClientIdOfABasicHeaderIsRefusedAs401InsteadOfA500() {
    Api.Response response = anonymous().tokenResponse("evil\u0000client", "secret", "grant_type=client_credentials");

    assertThat(response.status()).as(response.toString()).isEqualTo(401);
    assertThat(response.json().get("contextId").asText()).isNotBlank();
  }

  @Test
  void aWriteWhoseAcceptHeaderExcludesJsonIsRefusedBeforeAnythingIsWritten() throws Exception {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    byte[] body = "{\"requestType\": \"GDPR_EXPORT\", \"subject\": {\"name\": \"Jane Doe\"}}".getBytes(StandardCharsets.UTF_8);

    for (String accept : List.of("text/html", "application/xml", "\u00ff\u00fe", "Bearer")) {
      HttpResponse<byte[]> response = RawHttp.send(port, "POST", "/api/v2/gdpr/requests",
          Map.of("Authorization", "Bearer " + probe.token(), "Content-Type", "application/json", "Accept", accept), body);

      assertThat(response.statusCode()).as(accept).isEqualTo(406);
      assertThat(json(response).get("code").asText()).isEqualTo("not.acceptable");
    }
    assertThat(count("gdpr_requests")).isZero();
  }

  @Test
  void anErrorIsAnsweredAsJsonWhateverTheAcceptHeaderAsksFor() throws Exception {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());

    HttpResponse<byte[]> noDpia = RawHttp.send(port, "GET", "/api/v2/governance/dpia",
        Map.of("Authorization", "Bearer " + probe.token(), "Accept", "application/xml"), null);
    HttpResponse<byte[]> me = RawHttp.send(port, "GET", "/api/v2/organizations/me",
        Map.of("Authorization", "Bearer " + probe.token(), "Accept", "image/png"), null);

    assertThat(noDpia.statusCode()).isEqualTo(404);
    assertThat(json(noDpia).get("code").asText()).isEqualTo("not.found");
    assertThat(me.statusCode()).isEqualTo(406);
    assertThat(json(me).get("code").asText()).isEqualTo("not.acceptable");
  }
}

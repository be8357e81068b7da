package io.datarights.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the governance document tests. */
abstract class GovernanceTestSupport extends IntegrationTest {

  static final String INVENTORY = "/api/v2/governance/inventory";
  static final String CONTROLLER = "/api/v2/governance/controller";
  static final String RECORD = "/api/v2/governance/records-of-processing";
  static final String DPIA = "/api/v2/governance/dpia";

  static Map<String, Object> controllerDetails(String controllerName) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("controllerName", controllerName);
    body.put("address", "Hauptstraße 5, 10115 Berlin, Germany");
    body.put("contactEmail", "privacy@acme.example");
    body.put("dpoName", "Dana Datenschutz");
    body.put("dpoEmail", "dpo@acme.example");
    body.put("supervisoryAuthority", "Berliner Beauftragte für Datenschutz und Informationsfreiheit");
    return body;
  }

  static Map<String, Object> dpiaAnswers(String necessity) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("necessity", necessity);
    body.put("proportionality", "Only the data agents need to serve customers; contacts are deleted on request.");
    body.put(
        "risks",
        List.of(
            Map.of(
                "description", "Agents look up customers without a reason",
                "likelihood", "MEDIUM",
                "severity", "HIGH",
                "measures", "Access reviews every quarter")));
    body.put("consultedDpo", true);
    body.put("notes", "Reviewed with the works council.");
    return body;
  }

  /** A client of the tenant's org holding exactly the given permissions. */
  Api clientWith(Tenant tenant, String... permissions) {
    Api.Response created =
        tenant.api().post("/api/v2/oauth/clients", Map.of("name", "Limited " + String.join(",", permissions), "permissions", List.of(permissions)));
    if (created.status() != 201) {
      throw new AssertionError("could not create client: " + created);
    }
    return anonymous().withToken(anonymous().token(created.json().get("id").asText(), created.json().get("secret").asText()));
  }

  /** A GET with an explicit Accept header, which the test client does not otherwise send. */
  Api.Response getAccepting(Tenant tenant, String path, String accept) {
    String token = anonymous().token(tenant.clientId(), tenant.clientSecret());
    return tenant.api().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", accept)
            .GET());
  }

  static List<String> texts(Iterable<JsonNode> array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.get(field).asText()));
    return values;
  }

  List<JsonNode> auditEntries(Tenant tenant, String action) {
    List<JsonNode> entries = new ArrayList<>();
    tenant.api().get("/api/v2/audits?pageSize=100&action=" + action).json().get("entities").forEach(entries::add);
    return entries;
  }
}

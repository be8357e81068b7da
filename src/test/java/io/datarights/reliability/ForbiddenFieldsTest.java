package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datarights.support.Api;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fields only the server sets — ids, org, status, creator, dates, due date, verification,
 * results, versions, sizes — sent along on create and update are ignored or refused: the stored
 * object never carries them. Sentinel values make them findable: after each request no row of any
 * table holds one, the other org gained no row, and the answers show the server's own values.
 */
class ForbiddenFieldsTest extends HostileInputTest {

  private static final String SENTINEL_ID = "5e171e1e-dead-4bad-8bad-f0bf0bf0bf0b";
  private static final String SENTINEL_TEXT = "forbidden-sentinel";
  private static final String SENTINEL_DATE = "1999-09-09";
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** Every server-set field a Genesys object (or ours) has, with a sentinel value. */
  private static ObjectNode forbidden(String otherOrg) {
    ObjectNode fields = HostileWorld.JSON.createObjectNode();
    fields.put("id", SENTINEL_ID);
    fields.put("org", otherOrg);
    fields.put("orgId", otherOrg);
    fields.put("org_id", otherOrg);
    fields.putObject("organization").put("id", otherOrg).put("name", SENTINEL_TEXT);
    fields.put("status", "COMPLETED");
    fields.putObject("createdBy").put("id", SENTINEL_TEXT).put("name", SENTINEL_TEXT).put("selfUri", "/" + SENTINEL_TEXT);
    fields.put("created_by_client", SENTINEL_TEXT);
    fields.put("selfUri", "/api/v2/" + SENTINEL_TEXT);
    for (String date : List.of("createdDate", "completedDate", "dateCreated", "dateModified", "modifiedDate", "modifyDate",
        "receivedDate", "releasedDate", "consentedDate", "withdrawnDate", "dateAnonymized", "lastEventDate")) {
      fields.put(date, SENTINEL_DATE + "T09:09:09Z");
    }
    fields.put("dueDate", SENTINEL_DATE);
    fields.put("originalDueDate", SENTINEL_DATE);
    fields.put("extensionReason", SENTINEL_TEXT);
    fields.put("verifiedErased", true);
    fields.put("resultsUrl", "https://" + SENTINEL_TEXT + ".example/x.zip");
    fields.putArray("resultsUrls").add("https://" + SENTINEL_TEXT + ".example/x.zip");
    fields.putArray("services").addObject().put("name", SENTINEL_TEXT).put("status", "DONE").put("deleted", 9);
    fields.putArray("relatedRequests").addObject().put("id", SENTINEL_ID);
    fields.put("modifiedBy", SENTINEL_TEXT);
    fields.put("releasedBy", SENTINEL_TEXT);
    fields.put("startedBy", SENTINEL_TEXT);
    fields.put("secret", SENTINEL_TEXT + "-chosen-secret-0123456789");
    fields.put("clientId", SENTINEL_TEXT);
    fields.put("size", 4242);
    fields.put("anonymized", true);
    fields.put("contactListId", SENTINEL_ID);
    fields.putObject("canonicalContact").put("id", SENTINEL_ID);
    fields.putArray("mergeSet").addObject().put("id", SENTINEL_ID);
    fields.putArray("attachments").addObject().put("id", SENTINEL_ID).put("blobKey", "../../" + SENTINEL_TEXT).put("size", 1);
    fields.put("blobKey", "../../" + SENTINEL_TEXT);
    fields.put("sha256", SENTINEL_TEXT);
    fields.put("deliveriesUri", "/" + SENTINEL_TEXT);
    fields.put("eventCount", 4242);
    fields.put("@class", "java.lang.ProcessBuilder");
    return fields;
  }

  @Test
  void serverSetFieldsSentOnCreateOrUpdateAreNeverStored() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    HostileWorld world = new HostileWorld(acme, globex);
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    Probe admin = Probe.as(port, anonymous(), ADMIN_ID, ADMIN_SECRET);
    TableCounts tables = new TableCounts(jdbc);
    tables.awaitQuiet();
    // A finished request's deadline cannot be extended: the extension gets one kept unfinished.
    parked = java.util.Optional.of(java.util.UUID.fromString(world.ids.get("requestId")));
    jdbc.sql("update gdpr_requests set status = 'SEARCHING', completed_at = null where request_id = :id").param("id", parked.get()).update();
    // The request filed below stays in flight, so that what it shows is what it was created with.
    gate.close();
    ObjectNode forbidden = forbidden(globex.orgId());
    // The detector finds a sentinel where a client may put one: in a flow's name.
    Api.Response legit = acme.api().post("/api/v2/flows", Map.of("name", SENTINEL_TEXT + " menu", "promptTexts", List.of()));
    assertThat(rowsCarryingSentinels()).containsEntry("flows", 1L);
    acme.api().delete("/api/v2/flows/" + legit.json().get("id").asText());
    assertThat(rowsCarryingSentinels()).isEmpty();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();

    for (String operation : HostileWorld.jsonOperations()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String template = operation.substring(operation.indexOf(' ') + 1);
      JsonNode body = HostileWorld.json(world.validBody(operation, 9_000 + statuses.size()));
      ObjectNode fields = forbidden.deepCopy();
      if (template.equals("/api/v2/governance/recipients")) {
        fields.remove("secret"); // a webhook's signing secret may be chosen by the client
      }
      withForbidden(body, fields);
      Map<String, Long> globexRows = rowsOf(globex.orgId());
      jdbc.sql("delete from rate_limit_buckets").update();

      Probe as = template.startsWith("/api/v2/admin/") ? admin : probe;
      HttpResponse<byte[]> response = as.send(method, path(world, template), "application/json", BodyMutations.bytes(body));

      statuses.merge(operation + " -> " + response.statusCode(), 1, Integer::sum);
      List<String> problems = new ArrayList<>(ApiContract.violations(response));
      if (response.statusCode() < 300 && new String(response.body(), StandardCharsets.UTF_8).contains(SENTINEL_TEXT)) {
        problems.add("answer shows a sentinel: " + new String(response.body(), StandardCharsets.UTF_8));
      }
      Map<String, Long> carrying = rowsCarryingSentinels();
      if (!carrying.isEmpty()) {
        problems.add("rows carry sentinels: " + carrying);
      }
      if (!rowsOf(globex.orgId()).equals(globexRows)) {
        problems.add("the other org's rows changed: " + TableCounts.changes(globexRows, rowsOf(globex.orgId())));
      }
      if (!problems.isEmpty()) {
        failures.add(operation + " " + response.statusCode() + ": " + problems);
      }
    }
    System.out.println("ForbiddenFieldsTest answers: " + statuses);
    assertThat(failures).isEmpty();
    assertThat(statuses.keySet()).as("the server-set fields are ignored, so the bodies are still accepted")
        .allMatch(s -> s.matches(".* -> 2\\d\\d"));

    assertThatTheGdprRequestIsTheServersOwn(acme, globex);
    gate.open();
    tables.awaitQuiet(parked);
  }

  private void assertThatTheGdprRequestIsTheServersOwn(Tenant acme, Tenant globex) {
    Api.Response listed = acme.api().get("/api/v2/gdpr/requests?pageSize=100");
    JsonNode filed = null;
    for (JsonNode request : listed.json().get("entities")) {
      if (request.path("name").asText().startsWith("Ticket 9")) {
        filed = request;
      }
    }
    assertThat(filed).as("the request filed with server-set fields").isNotNull();
    JsonNode request = acme.api().get("/api/v2/gdpr/requests/" + filed.get("id").asText()).json();
    assertThat(request.get("id").asText()).isNotEqualTo(SENTINEL_ID);
    assertThat(request.get("status").asText()).isIn("INITIATED", "SEARCHING");
    assertThat(request.get("createdBy").get("id").asText()).isEqualTo(acme.clientId());
    assertThat(Instant.parse(request.get("createdDate").asText())).isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(5)));
    assertThat(request.has("verifiedErased")).isFalse();
    assertThat(request.has("resultsUrl")).isFalse();
    assertThat(request.has("extensionReason")).isFalse();
    assertThat(request.get("dueDate").asText()).isGreaterThan(clock.instant().toString().substring(0, 10));
    assertThat(request.get("relatedRequests") == null || request.get("relatedRequests").isEmpty()).isTrue();
    Map<String, Object> row = jdbc.sql("""
        select org_id::text as org, created_by_client, status, verified_erased, results_blob, extension_reason
        from gdpr_requests where request_id = :id::uuid""").param("id", request.get("id").asText()).query().singleRow();
    assertThat(row.get("org")).isEqualTo(acme.orgId()).isNotEqualTo(globex.orgId());
    assertThat(row.get("created_by_client")).isEqualTo(acme.clientId());
    assertThat(row.get("status")).isIn("INITIATED", "SEARCHING");
    assertThat(row.get("verified_erased")).isNull();
    assertThat(row.get("results_blob")).isNull();
    assertThat(row.get("extension_reason")).isNull();
  }

  /** The forbidden fields at the top of the body and in each object of it (each element of an array body). */
  private static void withForbidden(JsonNode body, ObjectNode forbidden) {
    if (body.isObject()) {
      ObjectNode object = (ObjectNode) body;
      forbidden.fields().forEachRemaining(f -> {
        if (!object.has(f.getKey())) {
          object.set(f.getKey(), f.getValue().deepCopy());
        }
      });
      for (JsonNode child : List.copyOf(iterable(object))) {
        if (child.isObject() || child.isArray()) {
          withNested(child, forbidden);
        }
      }
    } else if (body.isArray()) {
      body.forEach(element -> withForbidden(element, forbidden));
    }
  }

  /** Nested objects get the ids, dates and status only: their other fields may be free-form data. */
  private static void withNested(JsonNode node, ObjectNode forbidden) {
    if (node.isArray()) {
      node.forEach(element -> withNested(element, forbidden));
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String name : List.of("orgId", "createdDate", "selfUri", "anonymized")) {
        if (!object.has(name) && !object.has("crmTicket") && !object.has("loyaltyTier") && !object.has("email")) {
          object.set(name, forbidden.get(name).deepCopy());
        }
      }
    }
  }

  private static List<JsonNode> iterable(ObjectNode object) {
    List<JsonNode> values = new ArrayList<>();
    object.elements().forEachRemaining(values::add);
    return values;
  }

  private static String path(HostileWorld world, String template) {
    Matcher m = PATH_PARAMETER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(world.pathParameter(template, m.group(1), false)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Rows of any table (as JSON text) that hold a sentinel id, text or date. */
  private Map<String, Long> rowsCarryingSentinels() {
    List<String> tables =
        jdbc.sql("select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history'")
            .query(String.class).list();
    String query = tables.stream()
        .map(t -> "select '" + t + "', count(*) from " + t + " x where row_to_json(x)::text ~* :pattern")
        .collect(Collectors.joining(" union all "));
    Map<String, Long> found = new TreeMap<>();
    jdbc.sql(query).param("pattern", SENTINEL_ID + "|" + SENTINEL_TEXT + "|" + SENTINEL_DATE.substring(0, 7))
        .query((rs, n) -> rs.getLong(2) > 0 ? found.put(rs.getString(1), rs.getLong(2)) : null).list();
    return found;
  }

  /** Rows per table that belong to an org. */
  private Map<String, Long> rowsOf(String org) {
    List<String> tables =
        jdbc.sql("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'org_id'")
            .query(String.class).list();
    String query = tables.stream()
        .map(t -> "select '" + t + "', count(*) from " + t + " where org_id = :org::uuid")
        .collect(Collectors.joining(" union all "));
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(query).param("org", org).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }
}

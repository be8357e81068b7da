package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter of every operation (paging, searchType/searchValue, filters, formats, the
 * export link's expires and signature, deleteConfirmed) gets hostile values: negative, huge,
 * non-numeric, 10 KB, unicode, NUL, broken percent-encoding, injection strings, given twice. And
 * every GET gets parameters it does not know, including ones that try to bind the caller. Never a
 * 5xx; a 400 names the parameter; nothing changes; the caller is always the token's.
 */
class HostileQueryParametersTest extends HostileInputTest {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** Already percent-encoded, as they go on the wire. */
  private static final List<String> RAW_VALUES =
      List.of("-1", "0", "-2147483649", "2147483648", "2147483647", "99999999999999999999", "1e3", "1.5", "0x10", "abc", "",
          "%20", "%00", "abc%00def", "%FF", "%C3%28", "%zz", "%", "%E2%80%AE", "%F0%9F%98%80", "null", "true", "NaN", "-0", "+1",
          "%27%3B%20drop%20table%20gdpr_requests%3B%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd",
          "x".repeat(10_000), "%C3%A9".repeat(2_000), "x".repeat(100_000));

  /** Parameters no operation takes, some of which would bind the caller if it were bound from the query. */
  private static List<String> unknownParameters(String otherOrg) {
    return List.of("orgId=" + otherOrg, "orgId.value=" + otherOrg, "caller.orgId.value=" + otherOrg, "clientId=evil",
        "permissions=admin:org:add", "caller.permissions=admin:org:add", "__proto__=x", "class.module.classLoader=x",
        "x=%00", "x=" + "y".repeat(5_000), "pageSize", "=", "&&&", "a[]=1&a[]=2");
  }

  @Test
  void hostileQueryParametersNeverCauseA5xxAndA400NamesTheParameter() {
    long seed = seed();
    Random random = random("HostileQueryParametersTest", seed);
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    HostileWorld world = new HostileWorld(acme, globex);
    TableCounts tables = new TableCounts(jdbc);
    tables.awaitQuiet();
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    Figures figures = new Figures("hostile-query-parameters");
    figures.note("seed: " + seed);
    String results = exportLink(acme.api(), world.ids.get("requestId"));
    long start = System.nanoTime();

    List<Operation> operations = operations().stream()
        .filter(o -> !o.queryParameters().isEmpty() || o.method().equals("GET"))
        .filter(o -> !o.mediaTypes().contains("multipart/form-data"))
        .toList();
    // Every parameter of every operation with every hostile value, given once and twice.
    for (Operation operation : operations) {
      String path = operation.path().endsWith("/results") ? results.substring(0, results.indexOf('?')) : path(world, operation);
      Map<String, String> valid = validParameters(operation, results);
      for (String parameter : operation.queryParameters()) {
        for (String value : RAW_VALUES) {
          Map<String, String> query = new java.util.LinkedHashMap<>(valid);
          query.put(parameter, value);
          send(figures, tables, probe, world, operation, path, query, "value", parameter);
        }
        String hostile = HostileValues.pick(random, RAW_VALUES);
        Map<String, String> twice = new java.util.LinkedHashMap<>(valid);
        twice.put(parameter, valid.getOrDefault(parameter, "1") + "&" + parameter + "=" + hostile);
        send(figures, tables, probe, world, operation, path, twice, "repeated", parameter);
        Map<String, String> twiceReversed = new java.util.LinkedHashMap<>(valid);
        twiceReversed.put(parameter, hostile + "&" + parameter + "=" + valid.getOrDefault(parameter, "1"));
        send(figures, tables, probe, world, operation, path, twiceReversed, "repeated", parameter);
      }
      for (String unknown : unknownParameters(globex.orgId())) {
        HttpResponse<byte[]> response = sendRaw(figures, tables, probe, world, operation, path, valid, unknown, "unknown", null);
        if (response != null && response.statusCode() == 200 && operation.path().equals("/api/v2/organizations/me")) {
          assertThat(new String(response.body(), StandardCharsets.UTF_8)).as("the caller comes from the token").contains(acme.orgId());
        }
      }
    }

    // Then random combinations: several parameters at once, with any hostile string encoded.
    List<Operation> withParameters = operations.stream().filter(o -> !o.queryParameters().isEmpty()).toList();
    int tries = tries(1_000);
    for (int i = 0; i < tries; i++) {
      Operation operation = withParameters.get(random.nextInt(withParameters.size()));
      String path = operation.path().endsWith("/results") ? results.substring(0, results.indexOf('?')) : path(world, operation);
      Map<String, String> query = new java.util.LinkedHashMap<>(validParameters(operation, results));
      int n = 1 + random.nextInt(operation.queryParameters().size());
      for (int j = 0; j < n; j++) {
        String parameter = HostileValues.pick(random, operation.queryParameters());
        query.put(parameter, random.nextBoolean()
            ? HostileValues.pick(random, RAW_VALUES)
            : URLEncoder.encode(HostileValues.pick(random, HostileValues.STRINGS), StandardCharsets.UTF_8));
      }
      send(figures, tables, probe, world, operation, path, query, "random-combination", null);
    }

    figures.note("operations: " + operations.size() + ", random tries: " + tries + ", in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    String report = figures.publish();
    assertThat(figures.failures()).as(report).isEmpty();
  }

  @Test
  void hostileHeaderValuesNeverCauseA5xxAndChangeNothing() {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    TableCounts tables = new TableCounts(jdbc);
    Figures figures = new Figures("hostile-headers");
    List<String> values = List.of("\u0000", "a\u0000b", "\u00ff\u00fe", "Ã¤Ã¶", "x".repeat(300), "x".repeat(10_000), "", " ", "\t",
        "a\r\nX-Injected: 1", "'; drop table gdpr_requests; --", "<script>", "../../etc/passwd", "*/*;q=x", "application/xml",
        "text/html;;;", "Bearer", "Basic !!!", "Bearer " + "A".repeat(5_000));
    byte[] body = HostileWorld.GDPR_REQUEST.replace("${n}", "h").getBytes(StandardCharsets.UTF_8);
    for (String header : List.of("Idempotency-Key", "Authorization", "Accept", "Content-Type", "Accept-Charset", "X-Forwarded-For")) {
      for (String value : values) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + probe.token());
        headers.put("Content-Type", "application/json");
        headers.put(header, value);
        for (String target : List.of("/api/v2/gdpr/requests", "/api/v2/governance/dpia", "/api/v2/organizations/me")) {
          String method = target.equals("/api/v2/gdpr/requests") ? "POST" : "GET";
          jdbc.sql("delete from rate_limit_buckets").update();
          attempt(figures, tables, "header:" + header, method + " " + target + " with " + header + ": "
                  + BodyMutations.preview(value.getBytes(StandardCharsets.ISO_8859_1)),
              () -> RawHttp.send(port, method, target, headers, method.equals("POST") ? body : null));
        }
      }
    }
    String report = figures.publish();
    assertThat(figures.failures()).as(report).isEmpty();
  }

  @Test
  void queryParametersNeverChooseTheCallerOrItsOrg() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String spoof = "?orgId=" + globex.orgId() + "&orgId.value=" + globex.orgId() + "&clientId=" + globex.clientId()
        + "&permissions=admin:org:add&clientName=evil";

    Api.Response me = acme.api().get("/api/v2/organizations/me" + spoof);
    Api.Response filed = acme.api().post("/api/v2/gdpr/requests" + spoof,
        Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("jane@example.com"))));
    Api.Response org = acme.api().post("/api/v2/admin/organizations" + spoof, Map.of("name", "Escalated"));

    assertThat(me.json().get("id").asText()).isEqualTo(acme.orgId());
    assertThat(filed.status()).isEqualTo(202);
    assertThat(filed.json().get("createdBy").get("id").asText()).isEqualTo(acme.clientId());
    assertThat(jdbc.sql("select org_id::text from gdpr_requests").query(String.class).list()).containsOnly(acme.orgId());
    assertThat(org.status()).isEqualTo(403);
  }

  private Map<String, String> validParameters(Operation operation, String results) {
    Map<String, String> valid = new java.util.LinkedHashMap<>();
    if (operation.path().endsWith("/results")) {
      Matcher m = Pattern.compile("expires=([^&]+)&signature=(.+)$").matcher(results);
      assertThat(m.find()).isTrue();
      valid.put("expires", m.group(1));
      valid.put("signature", m.group(2));
    }
    if (operation.path().equals("/api/v2/gdpr/subjects")) {
      valid.put("searchType", "EMAIL");
      valid.put("searchValue", "max%40example.com");
    }
    return valid;
  }

  private void send(
      Figures figures, TableCounts tables, Probe probe, HostileWorld world, Operation operation, String path, Map<String, String> query,
      String kind, String parameter) {
    sendRaw(figures, tables, probe, world, operation, path, query, null, kind, parameter);
  }

  private HttpResponse<byte[]> sendRaw(
      Figures figures, TableCounts tables, Probe probe, HostileWorld world, Operation operation, String path, Map<String, String> query,
      String suffix, String kind, String parameter) {
    StringBuilder url = new StringBuilder(path);
    String separator = "?";
    for (var entry : query.entrySet()) {
      url.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
      separator = "&";
    }
    if (suffix != null) {
      url.append(separator).append(suffix);
    }
    String target = url.toString();
    byte[] body = operation.method().equals("GET") || operation.method().equals("DELETE") ? null : body(world, operation);
    String description = operation.method() + " " + (target.length() > 300 ? target.substring(0, 300) + "...(" + target.length() + ")" : target);
    if (operation.path().equals("/api/v2/gdpr/requests") && !operation.method().equals("GET")) {
      jdbc.sql("delete from rate_limit_buckets").update();
    }
    if (operation.method().equals("DELETE")) {
      return null; // deletions with odd parameters are not tried: a valid one would delete the fixture
    }
    HttpResponse<byte[]> response =
        attempt(figures, tables, kind + (parameter == null ? "" : ":" + parameter), description,
            () -> probe.send(operation.method(), target, body == null ? null : "application/json", body));
    if (response != null && response.statusCode() == 400 && parameter != null && query.get(parameter).length() < 8_000) {
      String text = new String(response.body(), StandardCharsets.UTF_8);
      if (!text.contains("\"fieldName\":\"" + parameter + "\"")) {
        figures.record("400-names-the-parameter", 400, List.of("400 not naming " + parameter + ": " + text), description);
      }
    }
    return response;
  }

  private byte[] body(HostileWorld world, Operation operation) {
    String body = world.validBody(operation.key(), 1);
    return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
  }

  private static String path(HostileWorld world, Operation operation) {
    Matcher m = PATH_PARAMETER.matcher(operation.path());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = switch (name) {
        case "customerId" -> HostileWorld.CONSENTED_COOKIE;
        case "version" -> "1";
        case "id", "recipientId", "holdId", "clientId", "attachmentId", "sessionId" -> "00000000-0000-4000-8000-000000000000";
        default -> world.pathParameter(operation.path(), name, false);
      };
      m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The signed link of the fixture's export, once it is complete. */
  private String exportLink(Api api, String requestId) {
    JsonNode request = api.get("/api/v2/gdpr/requests/" + requestId).json();
    assertThat(request.get("status").asText()).isEqualTo("COMPLETED");
    String url = request.get("resultsUrl").asText();
    return url.substring(url.indexOf("/api/v2"));
  }
}

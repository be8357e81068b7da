package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.reliability.SweepFixture.OrgObjects;
import io.datarights.reliability.SweepTables.Body;
import io.datarights.reliability.SweepTables.Refs;
import io.datarights.security.PlatformSecrets;
import io.datarights.shared.Hmac;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Org B, holding a token with every permission an org can have, calls every operation of the live
 * OpenAPI document naming org A's objects — alone and mixed with its own — and must be answered
 * exactly as if the objects did not exist: the same status and code as for ids that exist nowhere
 * (so B cannot even tell that A's ids exist), a refusal, never a 2xx or a 5xx, and never one of
 * A's ids or values in the answer. Then A's objects, row counts and audit trail must be as before.
 */
class TenantIsolationSweepTest extends IntegrationTest {

  private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404);

  /** What B may get where the answer is not the refusal of an object: the permission is the platform's. */
  private static final Map<String, Integer> EXPECTED = Map.of("POST /api/v2/admin/organizations", 403);

  @Autowired PlatformSecrets platformSecrets;

  private SweepFixture fixture;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> log = new ArrayList<>();
  private int requests;
  private int leaks;

  /** One request of the sweep: an operation, with A's objects in some of its places. */
  private record Case(ApiOperation op, String label, String path, String controlPath, Body body, Body controlBody,
      Map<String, String> query, boolean refused) {}

  @Test
  void anotherOrgsTokenIsAnsweredAsIfNoneOfTheOrgsObjectsExistedInEveryOperation() {
    fixture = new SweepFixture(port, gate);
    OrgObjects a = fixture.build(newTenant("Victim"), 2);
    OrgObjects b = fixture.build(newTenant("Attacker"), 1);
    List<ApiOperation> operations = ApiOperation.fetch(anonymous());
    Map<String, String> before = snapshot(a, operations);
    Map<String, Long> rowsBefore = rowsOf(a);

    List<Case> cases = new ArrayList<>();
    Set<String> swept = new java.util.LinkedHashSet<>();
    Map<String, String> skipped = new TreeMap<>();
    for (ApiOperation op : operations) {
      if (!SweepTables.isApi(op.path())) {
        skipped.put(op.key(), "not an API path");
      } else if (SweepTables.NOT_SWEPT.containsKey(op.key())) {
        skipped.put(op.key(), SweepTables.NOT_SWEPT.get(op.key()));
      } else {
        cases.addAll(casesOf(op, a, b));
        swept.add(op.key());
      }
    }
    // Refusals first: B's own writes afterwards may create records of B's own under keys B chose.
    cases.stream().filter(Case::refused).forEach(c -> run(c, a, b));
    cases.stream().filter(c -> !c.refused()).forEach(c -> run(c, a, b));
    checkOwnRequests(a, b);

    writeLog(swept, skipped, cases);
    assertThat(problems).as("isolation problems").isEmpty();
    assertThat(rowsOf(a)).as("A's rows per table").isEqualTo(rowsBefore);
    Map<String, String> after = snapshot(a, operations);
    Map<String, String> changed = new TreeMap<>();
    before.forEach((op, seen) -> {
      if (!seen.equals(after.get(op))) {
        changed.put(op, "before: " + seen + "\n   after: " + after.get(op));
      }
    });
    assertThat(changed).as("A's objects as A reads them, changed").isEmpty();
    assertThat(a.api().get("/api/v2/audits/verification").json().get("intact").asBoolean()).isTrue();
    assertThat(swept).as("operations swept").hasSizeGreaterThan(70);
    System.out.printf(
        "TENANT ISOLATION SWEEP: %d operations (path x method) swept, %d skipped %s; %d cases (%d refusals with a control);"
            + " %d requests by org B; statuses %s; 5xx %d; leaks %d%n",
        swept.size(), skipped.size(), skipped, cases.size(), cases.stream().filter(Case::refused).count(), requests,
        statuses, statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum(), leaks);
  }

  @Test
  void anIdempotencyKeyAnotherOrgUsedFilesANewRequestOfTheCallersOwn() {
    fixture = new SweepFixture(port, gate);
    Tenant a = newTenant("Victim");
    Tenant b = newTenant("Attacker");
    String tokenA = anonymous().token(a.clientId(), a.clientSecret());
    String tokenB = anonymous().token(b.clientId(), b.clientSecret());
    String exportJane = "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"Jane Victim\"}}";
    String exportJohn = "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"John Victim\"}}";
    String first = SweepFixture.id(fixture.sendJson(tokenA, "POST", "/api/v2/gdpr/requests", exportJane, Map.of("Idempotency-Key", "ticket-1")));
    String second = SweepFixture.id(fixture.sendJson(tokenA, "POST", "/api/v2/gdpr/requests", exportJohn, Map.of("Idempotency-Key", "ticket-2")));

    // The same key and body as A's: B gets a new request, not A's.
    Api.Response sameBody = fixture.sendJson(tokenB, "POST", "/api/v2/gdpr/requests", exportJane, Map.of("Idempotency-Key", "ticket-1"));
    // The same key with another body: not a 422, which would tell B that A used the key.
    Api.Response otherBody = fixture.sendJson(tokenB, "POST", "/api/v2/gdpr/requests",
        "{\"requestType\":\"GDPR_EXPORT\",\"subject\":{\"name\":\"Mallory\"}}", Map.of("Idempotency-Key", "ticket-2"));

    assertThat(sameBody.status()).as(sameBody.toString()).isEqualTo(202);
    assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(202);
    assertThat(List.of(sameBody.json().get("id").asText(), otherBody.json().get("id").asText())).doesNotContain(first, second).doesNotHaveDuplicates();
    assertThat(sameBody.text() + otherBody.text()).doesNotContain(first).doesNotContain(second).doesNotContain(a.orgId()).doesNotContain(a.clientId());
    assertThat(otherBody.json().get("subject").get("name").asText()).isEqualTo("Mallory");
    assertThat(b.api().get("/api/v2/gdpr/requests").json().get("total").asLong()).isEqualTo(2);
    JsonNode aList = a.api().get("/api/v2/gdpr/requests").json();
    assertThat(aList.get("total").asLong()).isEqualTo(2);
    assertThat(aList.toString()).doesNotContain("Mallory");
    // Each org's key still brings back its own request.
    assertThat(SweepFixture.id(fixture.sendJson(tokenA, "POST", "/api/v2/gdpr/requests", exportJane, Map.of("Idempotency-Key", "ticket-1")))).isEqualTo(first);
    assertThat(SweepFixture.id(fixture.sendJson(tokenB, "POST", "/api/v2/gdpr/requests", exportJane, Map.of("Idempotency-Key", "ticket-1"))))
        .isEqualTo(sameBody.json().get("id").asText());
  }

  @Test
  void anExportLinkOpensOnlyWithTheSignatureOfItsOwnOrgRequestAndExpiry() {
    fixture = new SweepFixture(port, gate);
    OrgObjects a = fixture.build(newTenant("Victim"), 1);
    OrgObjects b = fixture.build(newTenant("Attacker"), 1);
    String requestA = a.ref(ObjectKind.GDPR_REQUEST);
    String requestB = b.ref(ObjectKind.GDPR_REQUEST);
    String results = "/api/v2/gdpr/requests/%s/results?expires=%s&signature=%s";
    byte[] key = platformSecrets.get("export-links");
    long expires = Long.parseLong(a.exportExpires());

    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("A's request, no signature", "/api/v2/gdpr/requests/" + requestA + "/results");
    refused.put("A's request, B's expiry and signature", results.formatted(requestA, b.exportExpires(), b.exportSignature()));
    refused.put("B's request, A's expiry and signature", results.formatted(requestB, a.exportExpires(), a.exportSignature()));
    refused.put("A's link, signature altered", results.formatted(requestA, a.exportExpires(), flipped(a.exportSignature())));
    refused.put("A's link, expiry moved a second", results.formatted(requestA, expires + 1, a.exportSignature()));
    refused.put("A's link, expiry moved a year", results.formatted(requestA, expires + 365L * 86400, a.exportSignature()));
    refused.put("A's request signed with the real key for B's org",
        results.formatted(requestA, expires, Hmac.sha256(key, b.tenant().orgId() + "/" + requestA + "/" + expires)));
    refused.put("a request of no org, B's expiry and signature", results.formatted(java.util.UUID.randomUUID(), b.exportExpires(), b.exportSignature()));
    for (var attempt : refused.entrySet()) {
      for (Api api : List.of(anonymous(), b.api())) {
        Api.Response r = api.get(attempt.getValue());
        assertThat(r.status()).as(attempt.getKey() + ": " + r).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("link.invalid");
        assertThat(r.text()).doesNotContain(a.tag()).doesNotContain(a.tenant().orgId());
      }
    }

    // The same signing with A's org opens it: the org is what was wrong above.
    Api.Response forgedRight = anonymous().get(results.formatted(requestA, expires, Hmac.sha256(key, a.tenant().orgId() + "/" + requestA + "/" + expires)));
    assertThat(forgedRight.status()).isEqualTo(200);
    // A's link itself is the key to A's package, with no token (as a Genesys pre-signed results URL is).
    Api.Response download = anonymous().get(a.exportPath());
    assertThat(download.status()).isEqualTo(200);
    assertThat(unzip(download.raw().body()).get("manifest.json")).contains(a.contactEmail());
    assertThat(count("audit_log where action = 'gdpr.export.downloaded'")).isEqualTo(2);

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    Api.Response expired = anonymous().get(a.exportPath());
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().get("code").asText()).isEqualTo("link.expired");
  }

  private static String flipped(String signature) {
    char last = signature.charAt(signature.length() - 1);
    return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  /** Every case with its answer, for the reliability figures: target/reliability/tenant-isolation-sweep.txt. */
  private void writeLog(Set<String> swept, Map<String, String> skipped, List<Case> cases) {
    List<String> lines = new ArrayList<>();
    lines.add("# Tenant isolation sweep: org B's token against org A's objects");
    lines.add("operations swept: " + swept.size() + ", skipped: " + skipped + ", cases: " + cases.size()
        + ", requests by B: " + requests + ", statuses: " + statuses + ", leaks: " + leaks + ", problems: " + problems.size());
    lines.addAll(log);
    lines.addAll(problems);
    try {
      java.nio.file.Path file = java.nio.file.Path.of("target", "reliability", "tenant-isolation-sweep.txt");
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every way to put A's objects into the operation: each non-empty subset of its path variables
   * with A's ids (B's own in the rest), each with every body of the tables.
   */
  private List<Case> casesOf(ApiOperation op, OrgObjects a, OrgObjects b) {
    Map<String, ObjectKind> variables = SweepTables.variablesOf(op);
    Refs towardsA = Refs.of(a, b);
    Refs towardsNobody = Refs.nobody(b);
    List<Body> bodies = SweepTables.bodiesOf(op, towardsA);
    List<Body> controlBodies = SweepTables.bodiesOf(op, towardsNobody);
    List<String> varying = variables.keySet().stream().filter(v -> !a.ref(variables.get(v)).equals(b.ref(variables.get(v)))).toList();
    List<Case> cases = new ArrayList<>();
    int subsets = varying.isEmpty() ? 1 : (1 << varying.size()) - 1;
    for (int mask = 1; mask <= subsets; mask++) {
      String path = op.path();
      String controlPath = op.path();
      boolean namesA = false;
      List<String> fromA = new ArrayList<>();
      for (var variable : variables.entrySet()) {
        int bit = varying.indexOf(variable.getKey());
        boolean ofA = bit >= 0 && (mask & (1 << bit)) != 0;
        ObjectKind kind = variable.getValue();
        String value = ofA ? a.ref(kind) : b.ref(kind);
        String control = ofA ? towardsNobody.others().apply(kind) : b.ref(kind);
        path = path.replace("{" + variable.getKey() + "}", segment(value));
        controlPath = controlPath.replace("{" + variable.getKey() + "}", segment(control));
        if (ofA) {
          fromA.add(variable.getKey());
          namesA |= kind.serverIssued;
        }
      }
      for (int i = 0; i < bodies.size(); i++) {
        Body body = bodies.get(i);
        String label = (fromA.isEmpty() ? "" : "A's " + fromA + " ") + "(" + body.label() + ")";
        cases.add(new Case(op, label, path, controlPath, body, controlBodies.get(i), SweepTables.queryOf(op, a, b),
            namesA || body.namesOthers()));
      }
    }
    return cases;
  }

  private void run(Case c, OrgObjects a, OrgObjects b) {
    String where = c.op().key() + " " + c.label();
    Sent sent = send(b.token(), c.op().method(), c.path(), c.query(), c.body());
    checkNoLeak(where, sent, a);
    Api.Response r = sent.response();
    log.add(r.status() + " " + code(r) + "\t" + (c.refused() ? "refused" : "own") + "\t" + where);
    if (r.status() >= 500) {
      problems.add(where + ": " + r);
    } else if (c.refused()) {
      Api.Response control = send(b.token(), c.op().method(), c.controlPath(), c.query(), c.controlBody()).response();
      if (!REFUSALS.contains(r.status())) {
        problems.add(where + ": expected a refusal, got " + r);
      } else if (r.status() != control.status() || !code(r).equals(code(control))) {
        problems.add(where + ": answered " + r + " but for ids that exist nowhere " + control);
      }
    } else if (EXPECTED.containsKey(c.op().key()) && r.status() != EXPECTED.get(c.op().key())) {
      problems.add(where + ": expected " + EXPECTED.get(c.op().key()) + ", got " + r);
    }
  }

  private record Sent(String request, Api.Response response) {}

  /**
   * Sends as B. A 429 means the sweep went faster than B's rate limits, which are not what it
   * tests: the buckets are emptied and the request sent again. (Moving the clock on instead would
   * put the GDPR steps that B's requests schedule into the scheduler's future.)
   */
  private Sent send(String token, String method, String path, Map<String, String> query, Body body) {
    return send(token, method, path, query, body, true);
  }

  private Sent send(String token, String method, String path, Map<String, String> query, Body body, boolean counted) {
    Map<String, String> allQuery = new LinkedHashMap<>(query);
    allQuery.putAll(body.query());
    String pathAndQuery = path + (allQuery.isEmpty() ? "" : "?" + allQuery.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    for (int attempt = 1; ; attempt++) {
      Api.Response r = fixture.send(token, method, pathAndQuery, body.contentType(), body.content(), body.headers());
      if (counted) {
        requests++;
        statuses.merge(r.status(), 1, Integer::sum);
      }
      if (r.status() != 429 || attempt == 5) {
        return new Sent(pathAndQuery + " " + body.text() + " " + body.headers(), r);
      }
      jdbc.sql("delete from rate_limit_buckets").update();
    }
  }

  /** None of A's ids or values in the answer, unless B itself sent it (an echo tells B nothing). */
  private void checkNoLeak(String where, Sent sent, OrgObjects a) {
    String seen = (sent.response().text() + " " + sent.response().raw().headers().map()).toLowerCase();
    String asked = sent.request().toLowerCase();
    for (String value : a.values()) {
      String v = value.toLowerCase();
      if (seen.contains(v) && !asked.contains(v)) {
        leaks++;
        problems.add(where + ": the answer holds A's " + value + ": " + sent.response());
      }
    }
  }

  private static String code(Api.Response r) {
    try {
      return r.json().path("code").asText();
    } catch (UncheckedIOException e) {
      return "";
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * B's own GDPR requests about A's e-mail, phone and name search B's org only: once finished they
   * matched nothing, and B's export package holds nothing of A beyond what B asked about.
   */
  private void checkOwnRequests(OrgObjects a, OrgObjects b) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode request : b.api().get("/api/v2/gdpr/requests?pageSize=100").json().get("entities")) {
        if (!Set.of("COMPLETED", "ERROR").contains(request.get("status").asText())) {
          return false;
        }
      }
      return true;
    });
    for (JsonNode request : b.api().get("/api/v2/gdpr/requests?pageSize=100").json().get("entities")) {
      String subject = request.get("subject").toString().toLowerCase();
      boolean aboutA = a.values().stream().anyMatch(v -> subject.contains(v.toLowerCase()));
      if (!aboutA) {
        continue;
      }
      long matched = 0;
      for (JsonNode service : request.get("services")) {
        matched += service.get("matched").asLong();
      }
      if (matched != 0 || !request.get("status").asText().equals("COMPLETED")) {
        problems.add("B's request about A's values " + subject + " matched " + matched + ": " + request);
      }
      if (request.hasNonNull("resultsUrl")) {
        String url = request.get("resultsUrl").asText();
        Api.Response download = anonymous().get(url.substring(url.indexOf("/api/v2")));
        unzip(download.raw().body()).forEach((name, content) -> {
          String text = content.toLowerCase();
          for (String value : a.values()) {
            if (text.contains(value.toLowerCase()) && !subject.contains(value.toLowerCase())) {
              leaks++;
              problems.add("B's export package " + name + " holds A's " + value);
            }
          }
        });
      }
    }
  }

  /** A's view of everything it holds: every GET of the document with A's ids, as A reads it. */
  private Map<String, String> snapshot(OrgObjects a, List<ApiOperation> operations) {
    Map<String, String> seen = new TreeMap<>();
    for (ApiOperation op : operations) {
      if (!op.method().equals("GET") || !SweepTables.isApi(op.path()) || SweepTables.NOT_SWEPT.containsKey(op.key())
          || op.path().startsWith("/api/v2/audits")) {
        continue; // the audit trail is compared row by row, without B's attempts on A's client id
      }
      String path = op.path();
      for (var variable : SweepTables.variablesOf(op).entrySet()) {
        path = path.replace("{" + variable.getKey() + "}", segment(a.ref(variable.getValue())));
      }
      Api.Response r = send(a.token(), "GET", path, SweepTables.queryOf(op, a, a), Body.none(), false).response();
      String type = r.header("Content-Type");
      boolean text = type != null && (type.contains("json") || type.contains("html"));
      seen.put(op.key(), r.status() + " " + (text ? r.text() : sha256(r.raw().body())));
    }
    return seen;
  }

  /**
   * A's rows in every table with an {@code org_id}. B's attempts with A's client id at the token
   * endpoint are audited in A's trail by design (A should know); every other entry must stay as it was.
   */
  private Map<String, Long> rowsOf(OrgObjects a) {
    Map<String, Long> rows = new TreeMap<>();
    List<String> tables = jdbc.sql("select table_name from information_schema.columns where table_schema = 'public' and column_name = 'org_id'")
        .query(String.class).list();
    for (String table : tables) {
      String sql = "select count(*) from " + table + " where org_id = :org"
          + (table.equals("audit_log") ? " and action not in ('oauth.token.refused', 'oauth.token.throttled')" : "");
      rows.put(table, jdbc.sql(sql).param("org", java.util.UUID.fromString(a.tenant().orgId())).query(Long.class).single());
    }
    return rows;
  }

  static Map<String, String> unzip(byte[] zip) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.reliability.BodyMutations.Attempt;
import io.datarights.reliability.BodyMutations.Category;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every POST, PUT and PATCH operation of the API (from its OpenAPI document) gets hostile JSON
 * bodies: wrong types, nulls, huge strings, deep nesting, broken UTF-8, duplicate keys, numbers out
 * of range, extra fields, arrays for objects, empty bodies, wrong content types, injection
 * strings, malformed JSON and other orgs' ids. First every operation and every field in every
 * category, then random variations ({@code -Dreliability.fuzz.tries}, default 2,500). Never a 5xx,
 * every rejection a clean Genesys error body, and a rejected request changes no table.
 */
class HostileJsonBodiesTest extends HostileInputTest {

  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final List<String> MALFORMED_IDS =
      List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%00", "%27%20or%201%3D1%20--", "x".repeat(2_000), "%E2%80%AE",
          "00000000-0000-0000-0000-000000000000", "%F0%9F%98%80", "-1", "1e400");

  private final AtomicLong counter = new AtomicLong(1);
  private final java.util.Set<String> acceptedHugeStrings = new java.util.TreeSet<>();

  @Test
  void hostileJsonBodiesNeverCauseA5xxAreRefusedWithTheErrorBodyAndChangeNothing() {
    long seed = seed();
    Random random = random("HostileJsonBodiesTest", seed);
    Tenant acme = newTenant("Acme");
    HostileWorld world = new HostileWorld(acme, newTenant("Globex"));
    TableCounts tables = new TableCounts(jdbc);
    tables.awaitQuiet();
    // A finished request's deadline cannot be extended: the extension operation gets one kept unfinished.
    parked = java.util.Optional.of(java.util.UUID.fromString(world.ids.get("requestId")));
    jdbc.sql("update gdpr_requests set status = 'SEARCHING', completed_at = null where request_id = :id").param("id", parked.get()).update();
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    Probe admin = Probe.as(port, anonymous(), ADMIN_ID, ADMIN_SECRET);
    BodyMutations mutations = new BodyMutations(random, world.foreignIds);
    Figures figures = new Figures("hostile-json-bodies");
    figures.note("seed: " + seed);

    List<Operation> operations = jsonOperations();
    long start = System.nanoTime();

    // Each operation's valid body is accepted: the variations start from something that works.
    for (Operation operation : operations) {
      HttpResponse<byte[]> valid = send(probe, admin, world, operation, validAttempt(world, operation));
      assertThat(valid.statusCode()).as(operation.key() + " " + new String(valid.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
      tables.awaitQuiet(parked);
    }

    // Every operation in every category, and every field of its body with each kind of bad value.
    for (Operation operation : operations) {
      JsonNode valid = HostileWorld.json(world.validBody(operation.key(), counter.get()));
      for (Category category : Category.values()) {
        run(figures, tables, probe, admin, world, operation, mutations, category, null, random);
      }
      for (JsonPointer field : BodyMutations.paths(valid)) {
        for (Category category : List.of(Category.WRONG_TYPE, Category.NULLS, Category.HOSTILE_STRING, Category.NUMBER_OUT_OF_RANGE)) {
          run(figures, tables, probe, admin, world, operation, mutations, category, field, random);
        }
      }
    }

    // Then random variations.
    int tries = tries(2_500);
    Category[] categories = Category.values();
    for (int i = 0; i < tries; i++) {
      Operation operation = operations.get(random.nextInt(operations.size()));
      run(figures, tables, probe, admin, world, operation, mutations, categories[random.nextInt(categories.length)], null, random);
    }

    tokenEndpoint(figures, tables, random, acme);

    figures.note("fields that took a ~1 MB string: " + acceptedHugeStrings);
    figures.note("random tries: " + tries + ", operations: " + operations.size() + ", in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    String report = figures.publish();
    assertThat(figures.failures()).as(report).isEmpty();
  }

  /** The JSON operations of the OpenAPI document; each must have a valid body in the world. */
  private List<Operation> jsonOperations() {
    List<Operation> all = operations().stream().filter(o -> List.of("POST", "PUT", "PATCH").contains(o.method())).toList();
    List<String> keys = all.stream().map(Operation::key).toList();
    assertThat(keys)
        .as("every POST/PUT/PATCH operation has a valid body here or a test of its own")
        .allMatch(k -> HostileWorld.jsonOperations().contains(k) || HostileWorld.COVERED_ELSEWHERE.containsKey(k));
    assertThat(keys).as("the OpenAPI document lists every operation fuzzed here").containsAll(HostileWorld.jsonOperations());
    return all.stream().filter(o -> HostileWorld.jsonOperations().contains(o.key())).toList();
  }

  private void run(
      Figures figures, TableCounts tables, Probe probe, Probe admin, HostileWorld world, Operation operation,
      BodyMutations mutations, Category category, JsonPointer field, Random random) {
    long n = counter.incrementAndGet();
    JsonNode valid = HostileWorld.json(world.validBody(operation.key(), n));
    String path = path(world, operation, false);
    Attempt attempt;
    if (category == Category.MALFORMED_PATH_ID || (category == Category.OTHER_ORG_IDS && random.nextBoolean())) {
      if (!PATH_PARAMETER.matcher(operation.path()).find()) {
        attempt = mutations.mutate(Category.HOSTILE_STRING, path, valid, field);
      } else if (category == Category.OTHER_ORG_IDS) {
        attempt = new Attempt(category, "other org's ids in the path", path(world, operation, true), "application/json", BodyMutations.bytes(valid));
      } else {
        String malformed = HostileValues.pick(random, MALFORMED_IDS);
        attempt = new Attempt(category, "path id " + BodyMutations.preview(malformed.getBytes(StandardCharsets.UTF_8)),
            withMalformedId(world, operation, malformed, random), "application/json", BodyMutations.bytes(valid));
      }
    } else {
      attempt = mutations.mutate(category, path, valid, field);
    }
    Attempt sent = attempt;
    HttpResponse<byte[]> response =
        attempt(figures, tables, sent.category().name(), operation.method() + " " + sent.describe(), () -> send(probe, admin, world, operation, sent));
    if (response != null && response.statusCode() < 300 && sent.category() == Category.HUGE_STRING_WITHIN_LIMIT) {
      // Not a broken promise (the body is within the limit), but worth knowing: fields without a length limit.
      acceptedHugeStrings.add(operation.key() + " " + sent.what().substring(0, sent.what().indexOf(" = ")));
    }
  }

  private Attempt validAttempt(HostileWorld world, Operation operation) {
    String body = world.validBody(operation.key(), counter.incrementAndGet());
    return new Attempt(Category.EMPTY_BODY, "valid", path(world, operation, false), "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> send(Probe probe, Probe admin, HostileWorld world, Operation operation, Attempt attempt) {
    if (operation.path().equals("/api/v2/gdpr/requests")) {
      // Request creations are rate limited (10 a minute); the limiter is not under test here.
      jdbc.sql("delete from rate_limit_buckets").update();
    }
    if (operation.path().endsWith("/extension")) {
      // One extension per request: the kept request is made extensible again before each try.
      jdbc.sql("update gdpr_requests set extension_reason = null, due_date = original_due_date where request_id = :id")
          .param("id", parked.orElseThrow()).update();
    }
    Probe as = operation.path().startsWith("/api/v2/admin/") ? admin : probe;
    return as.send(operation.method(), attempt.path(), attempt.contentType(), attempt.body());
  }

  private static String path(HostileWorld world, Operation operation, boolean foreign) {
    Matcher m = PATH_PARAMETER.matcher(operation.path());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(world.pathParameter(operation.path(), m.group(1), foreign)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String withMalformedId(HostileWorld world, Operation operation, String malformed, Random random) {
    Matcher m = PATH_PARAMETER.matcher(operation.path());
    List<String> names = new ArrayList<>();
    while (m.find()) {
      names.add(m.group(1));
    }
    String spoiled = HostileValues.pick(random, names);
    m.reset();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals(spoiled) ? malformed : world.pathParameter(operation.path(), m.group(1), false);
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The token endpoint takes a form and HTTP Basic: hostile forms, content types and credentials. */
  private void tokenEndpoint(Figures figures, TableCounts tables, Random random, Tenant acme) {
    Probe anonymous = new Probe(port, null);
    List<String> forms = new ArrayList<>(List.of(
        "grant_type=client_credentials", "", "grant_type=", "grant_type=password", "grant_type=client_credentials&grant_type=password",
        "grant_type=%FF%FE", "grant_type=%zz", "grant_type=client_credentials%00", "grant_type=" + "x".repeat(1_100_000),
        "grant_type=" + "x".repeat(900_000), "=&=&&==", "grant_type=client_credentials&scope=admin:org:add",
        "{\"grant_type\":\"client_credentials\"}"));
    for (String value : HostileValues.STRINGS) {
      forms.add("grant_type=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    List<String> credentials = new ArrayList<>(List.of(
        acme.clientId() + ":" + acme.clientSecret(), ":", "nobody:nothing", acme.clientId(), acme.clientId() + ":",
        ":" + acme.clientSecret()));
    for (String value : HostileValues.STRINGS) {
      credentials.add(value + ":" + value);
    }
    List<String> types = List.of("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data");
    int tries = Math.max(200, tries(2_500) / 10);
    for (int i = 0; i < tries; i++) {
      String form = HostileValues.pick(random, forms);
      String credential = HostileValues.pick(random, credentials);
      String type = i % 5 == 0 ? HostileValues.pick(random, types) : "application/x-www-form-urlencoded";
      String authorization =
          switch (random.nextInt(8)) {
            case 0 -> "Basic !!!not-base64!!!";
            case 1 -> "Bearer " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
            case 2 -> "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.ISO_8859_1));
            default -> "Basic " + Base64.getEncoder().encodeToString(credential.getBytes(StandardCharsets.UTF_8));
          };
      boolean rightSecret = credential.equals(acme.clientId() + ":" + acme.clientSecret());
      String description = "POST /oauth/token " + type + " " + BodyMutations.preview(form.getBytes(StandardCharsets.UTF_8))
          + " as " + BodyMutations.preview(credential.getBytes(StandardCharsets.UTF_8));
      // A wrong secret for a real client is audited by design (oauth.token.refused); those are left out.
      if (!rightSecret && credential.startsWith(acme.clientId())) {
        continue;
      }
      attempt(figures, tables, "TOKEN_ENDPOINT", description,
          () -> anonymous.send("POST", "/oauth/token", type, form.getBytes(StandardCharsets.UTF_8), Map.of("Authorization", authorization)));
    }
  }
}

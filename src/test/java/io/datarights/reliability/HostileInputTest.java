package io.datarights.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Base of the hostile-input tests: a seeded random source (the seed printed, and taken from
 * {@code -Dreliability.fuzz.seed} to replay a run), the API's operations from its OpenAPI
 * document, and the check that a request keeps the contract and, if rejected, wrote nothing.
 */
abstract class HostileInputTest extends IntegrationTest {

  /** One operation of the OpenAPI document: method, path template and request body media types. */
  record Operation(String method, String path, List<String> mediaTypes, List<String> queryParameters) {
    String key() {
      return method + " " + path;
    }
  }

  /** A GDPR request a test keeps unfinished on purpose (to extend its deadline), if any. */
  java.util.Optional<java.util.UUID> parked = java.util.Optional.empty();

  static long seed() {
    String given = System.getProperty("reliability.fuzz.seed");
    return given == null || given.isBlank() ? System.nanoTime() : Long.parseLong(given.strip());
  }

  static int tries(int defaultTries) {
    String given = System.getProperty("reliability.fuzz.tries");
    return given == null || given.isBlank() ? defaultTries : Integer.parseInt(given.strip());
  }

  static Random random(String test, long seed) {
    System.out.println(test + ": seed " + seed + " (replay with -Dreliability.fuzz.seed=" + seed + ")");
    return new Random(seed);
  }

  /** Every operation the running server documents, but the console's and the error page's. */
  List<Operation> operations() {
    JsonNode doc = anonymous().get("/api/v2/docs/openapi.json").json();
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      var path = paths.next();
      if (path.getKey().startsWith("/console") || path.getKey().equals("/error") || path.getKey().startsWith("/api/v2/test/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
        var method = methods.next();
        List<String> types = new ArrayList<>();
        method.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : method.getValue().path("parameters")) {
          // The Caller argument is resolved from the token, not from the query (springdoc lists it anyway).
          if (parameter.path("in").asText().equals("query") && !parameter.path("name").asText().equals("caller")) {
            query.add(parameter.path("name").asText());
          }
        }
        operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), types, query));
      }
    }
    return operations;
  }

  /**
   * Sends one hostile request and records what came back: the contract's promises, and for a
   * rejected request that no table changed. After an accepted one, waits for its background work.
   */
  HttpResponse<byte[]> attempt(
      Figures figures, TableCounts tables, String category, String description, java.util.function.Supplier<HttpResponse<byte[]>> send) {
    Map<String, Long> before = tables.snapshot();
    HttpResponse<byte[]> response;
    try {
      response = send.get();
    } catch (RuntimeException e) {
      // The server closed the connection or never answered: as bad as a 5xx.
      figures.record(category, 599, List.of("no answer: " + e), description);
      return null;
    }
    List<String> problems = ApiContract.violations(response);
    figures.record(category, response.statusCode(), problems, description);
    if (response.statusCode() >= 400) {
      Map<String, String> changes = TableCounts.changes(before, tables.snapshot());
      if (!changes.isEmpty()) {
        figures.changedByRejected(description, changes);
      }
    } else {
      tables.awaitQuiet(parked);
    }
    return response;
  }
}

package io.datarights.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every answer to hostile input must honour (DESIGN section 2): never a 5xx; every 4xx the
 * Genesys error body ({@code status, code, message, contextId, details}), a 400 naming the
 * offending field; and nothing of the server's insides in it: no stack trace, SQL, class or
 * package names, exception or library text.
 */
final class ApiContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An error body this long reflects the input back (or worse); no message needs it. */
  static final int MAX_ERROR_BODY = 16 * 1024;

  /** Text that only the server's insides produce. Hostile inputs never contain these words. */
  private static final List<Pattern> LEAKS =
      List.of(
          Pattern.compile("Exception"),
          Pattern.compile("\\bat [a-z]+\\.[a-zA-Z.$]+\\("),
          Pattern.compile("\\b(java|javax|jakarta|sun|jdk)\\.[a-z]+\\."),
          Pattern.compile("\\b(org|com|io|net)\\.(springframework|fasterxml|postgresql|apache|zonky|datarights|github)\\b"),
          Pattern.compile("PSQL|SQLState|SQL state|ERROR: |duplicate key value|violates (not-null|check|foreign key|unique)"),
          Pattern.compile("relation \"|column \"[a-z_]+\" |syntax error at|invalid byte sequence|out of range for type"),
          Pattern.compile("StreamReadConstraints|StreamReadFeature|JsonToken|REDACTED|\\[Source:"),
          Pattern.compile("Cannot (deserialize|construct|coerce)|not a valid `|from `|Unrecognized field"),
          Pattern.compile("`[A-Za-z]+(\\.[A-Za-z$]+)+`"),
          Pattern.compile("(?i)hikari|jdbc:|bucket4j|tomcat|catalina"));

  private ApiContract() {}

  /** The broken promises of one answer, empty when it keeps them all. */
  static List<String> violations(HttpResponse<byte[]> response) {
    List<String> problems = new ArrayList<>();
    int status = response.statusCode();
    if (status >= 500) {
      problems.add("answered " + status);
    }
    if (status < 400) {
      return problems;
    }
    byte[] raw = response.body();
    String text = new String(raw, StandardCharsets.UTF_8);
    if (raw.length > MAX_ERROR_BODY) {
      problems.add("error body of " + raw.length + " bytes");
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/json")) {
      problems.add("error body of type '" + type + "'");
    }
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      problems.add("error body is not JSON");
      return problems;
    }
    if (body == null || !body.isObject()) {
      problems.add("error body is not a JSON object");
      return problems;
    }
    if (body.path("status").asInt() != status) {
      problems.add("error body status " + body.path("status") + " for HTTP " + status);
    }
    for (String field : List.of("code", "message", "contextId")) {
      if (body.path(field).asText("").isBlank()) {
        problems.add("error body without " + field);
      }
    }
    if (!body.path("details").isArray()) {
      problems.add("error body without details");
    }
    if (status == 400 && !namesAField(body)) {
      problems.add("400 naming no field");
    }
    for (Pattern leak : LEAKS) {
      var found = leak.matcher(text);
      if (found.find()) {
        problems.add("leaks '" + found.group() + "'");
      }
    }
    return problems;
  }

  private static boolean namesAField(JsonNode body) {
    for (JsonNode detail : body.path("details")) {
      if (!detail.path("fieldName").asText("").isBlank()) {
        return true;
      }
    }
    return !body.path("messageParams").path("field").asText("").isBlank();
  }
}

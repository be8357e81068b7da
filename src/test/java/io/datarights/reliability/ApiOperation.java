package io.datarights.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One operation (method and path template) of the live OpenAPI document. */
record ApiOperation(String method, String path, List<String> pathVariables, List<Parameter> queryParameters, String bodyType) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  record Parameter(String name, boolean required) {}

  /** The key the sweeps' tables use, e.g. {@code GET /api/v2/users/{userId}}. */
  String key() {
    return method + " " + path;
  }

  boolean hasBody() {
    return bodyType != null;
  }

  /** The part of the path up to and including the given variable, e.g. {@code /api/v2/users/{userId}}. */
  String prefixThrough(String variable) {
    String marker = "{" + variable + "}";
    return path.substring(0, path.indexOf(marker) + marker.length());
  }

  /** Every operation the server documents at {@code /api/v2/docs/openapi.json}, in document order. */
  static List<ApiOperation> fetch(Api anonymous) {
    Api.Response doc = anonymous.get("/api/v2/docs/openapi.json");
    if (doc.status() != 200) {
      throw new AssertionError("no OpenAPI document: " + doc);
    }
    List<ApiOperation> operations = new ArrayList<>();
    doc.json().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
      String method = op.getKey().toUpperCase(Locale.ROOT);
      List<String> variables = new ArrayList<>();
      Matcher m = VARIABLE.matcher(path.getKey());
      while (m.find()) {
        variables.add(m.group(1));
      }
      List<Parameter> query = new ArrayList<>();
      for (JsonNode parameter : op.getValue().path("parameters")) {
        if (parameter.path("in").asText().equals("query")) {
          query.add(new Parameter(parameter.get("name").asText(), parameter.path("required").asBoolean(false)));
        }
      }
      JsonNode content = op.getValue().path("requestBody").path("content");
      String bodyType = content.isObject() && content.fieldNames().hasNext() ? content.fieldNames().next() : null;
      operations.add(new ApiOperation(method, path.getKey(), List.copyOf(variables), List.copyOf(query), bodyType));
    }));
    return operations;
  }
}

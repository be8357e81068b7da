package io.datarights.conversations.internal;

import io.datarights.shared.ApiException;
import io.datarights.shared.ErrorBody;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** Collects every invalid field of a request, so that one 400 names them all. */
final class Violations {

  private final Map<String, String> byField = new LinkedHashMap<>();

  void add(String field, String message) {
    byField.putIfAbsent(field, message);
  }

  boolean has(String field) {
    return byField.containsKey(field);
  }

  void throwIfAny() {
    if (byField.isEmpty()) {
      return;
    }
    List<ErrorBody.Detail> details = new ArrayList<>();
    byField.keySet().forEach(field -> details.add(new ErrorBody.Detail("invalid.value", field)));
    String message =
        "Invalid value: " + byField.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; "));
    throw new ApiException(
        HttpStatus.BAD_REQUEST,
        "invalid.value",
        message,
        Map.of("field", String.join(",", byField.keySet())),
        details,
        null);
  }
}

package io.datarights.outbound.internal;

import io.datarights.shared.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A contact as a client writes it (Genesys {@code WritableDialerContact}); {@code id} and {@code
 * contactListId} sent along are ignored, the path names them.
 */
record ContactInput(Map<String, String> data, Boolean callable) {

  /**
   * The data checked against the list's columns: a 400 naming {@code data.<column>} for an unknown
   * column or a value that does not fit its column. Null values are left out.
   *
   * @param which how the message names this contact among several ("Contact 3: "), or ""
   */
  Map<String, String> validData(ColumnRoles roles, String region, String which) {
    if (data == null) {
      throw ApiException.invalidValue("data", which + "data is required.");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : data.entrySet()) {
      String column = entry.getKey();
      String value = entry.getValue();
      String field = "data." + column;
      roles.check(column, value, region).ifPresent(problem -> {
        throw ApiException.invalidValue(field, which + field + ": the column " + column + " " + problem.phrase + ".");
      });
      if (value != null) {
        result.put(column, value);
      }
    }
    return result;
  }

  boolean isCallable() {
    return callable == null || callable;
  }
}

package io.datarights.outbound.internal;

import io.datarights.shared.ApiException;
import io.datarights.shared.ErrorBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * The problems found in the rows of a CSV import, answered as one Genesys error body: each problem
 * is a {@code details} entry whose {@code fieldName} is "row 17: phone" (rows numbered as in a
 * spreadsheet, the header being row 1) and whose {@code errorCode} says what is wrong.
 */
final class RowErrors {

  /** Problems listed in the answer; a file with more is summarized by the count. */
  static final int MAX_REPORTED = 100;
  /** Problems spelled out in the message itself. */
  private static final int IN_MESSAGE = 5;

  private final List<ErrorBody.Detail> details = new ArrayList<>();
  private final List<String> descriptions = new ArrayList<>();
  private long problems;
  private long rows;
  private long lastRow = -1;

  void add(long row, String column, String code, String description) {
    problems++;
    if (row != lastRow) {
      rows++;
      lastRow = row;
    }
    if (details.size() < MAX_REPORTED) {
      String field = column == null ? "row " + row : "row " + row + ": " + column;
      details.add(new ErrorBody.Detail(code, field));
      descriptions.add(field + " " + description);
    }
  }

  boolean any() {
    return problems > 0;
  }

  ApiException toException() {
    String listed =
        descriptions.stream().limit(IN_MESSAGE).collect(Collectors.joining("; "))
            + (problems > IN_MESSAGE ? "; ..." : "");
    String message =
        "Nothing was imported: "
            + (rows == 1 ? "1 row" : rows + " rows")
            + " of the CSV file "
            + (rows == 1 ? "is" : "are")
            + " invalid ("
            + (problems > MAX_REPORTED ? "the first " + MAX_REPORTED + " of " + problems + " problems" : problems == 1 ? "1 problem" : problems + " problems")
            + " in details). "
            + listed
            + ".";
    return new ApiException(HttpStatus.BAD_REQUEST, "invalid.value", message, Map.of(), details, null);
  }
}

package io.datarights.gdpr.internal;

/**
 * The cells of an export CSV, safe to open in a spreadsheet (OWASP "CSV Injection"). A spreadsheet
 * may split a line on {@code ,} or on {@code ;} (German and French Excel use {@code ;}), so every
 * cell holding a separator, a quote, a tab, CR or LF is quoted, and a formula character is
 * neutralised with a leading {@code '} wherever a field could begin: at the start of the cell and
 * right after any point where a reader could split it. Nothing else of the value changes; leading
 * tabs and spaces are kept.
 */
final class CsvCells {

  /** Characters that make a spreadsheet read the rest of a field as a formula, at its start. */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  /** Characters after which a reader with another separator, or a line splitter, starts a new field. */
  private static final String SPLIT_POINTS = ",;\t\r\n";

  /** Characters that need the cell quoted. */
  private static final String QUOTE_WHEN = ",;\"\t\r\n";

  private CsvCells() {}

  /** The value as its cell is written: neutralised, then quoted if it has to be. */
  static String cell(String value) {
    return quoted(neutralized(value));
  }

  /**
   * Prefixes a {@code '} to a formula character that starts the value, and to one of {@code = + -
   * @} that follows a split point inside it ({@code Csv;=cmd} becomes {@code Csv;'=cmd}).
   */
  static String neutralized(String text) {
    if (text.isEmpty()) {
      return text;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean fieldStart = i == 0 || SPLIT_POINTS.indexOf(text.charAt(i - 1)) >= 0;
      boolean dangerous = i == 0 ? FORMULA_STARTS.indexOf(c) >= 0 : "=+-@".indexOf(c) >= 0;
      if (fieldStart && dangerous) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append('\'');
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * RFC 4180 quoting, for every cell that holds {@code , ; "} a tab, CR or LF, and for one that
   * starts or ends with a space, which readers that trim unquoted cells would drop.
   */
  static String quoted(String text) {
    if (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    for (int i = 0; i < text.length(); i++) {
      if (QUOTE_WHEN.indexOf(text.charAt(i)) >= 0) {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }
}

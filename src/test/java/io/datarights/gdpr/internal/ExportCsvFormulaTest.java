package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export CSV against formula injection (OWASP "CSV Injection"), read as spreadsheets read it:
 * split on {@code ,} as written, but also on {@code ;} as German and French Excel do, or on tabs.
 */
class ExportCsvFormulaTest {

  /** Values a subject could have typed into a record: formulas at the start and behind separators. */
  private static final List<String> HOSTILE =
      List.of(
          "=cmd|' /C calc'!A0",
          "+SUM(1,2)",
          "-2+3",
          "@SUM(A1)",
          "\t=1+1",
          "\r=1+1",
          "Csv;=cmd|' /C calc'!A0",
          "Csv,=cmd|' /C calc'!A0",
          "Csv;+1;-1;@A1",
          "Name\t=HYPERLINK(\"http://evil.example\")",
          "first line\n=2+5",
          "x;\t=1",
          "say \"hi\"; =not a formula after a space",
          "\tleading tab kept",
          "\t\ttwo leading tabs",
          "   leading spaces",
          "plain",
          "");

  @TempDir Path scratch;

  @Test
  void noFieldStartsWithAFormulaCharacterWhateverTheSpreadsheetSplitsOn() throws Exception {
    String csv = exportedCsv(HOSTILE);

    for (String line : csv.split("\r\n|\n|\r")) {
      for (String separator : List.of(";", ",", "\t")) {
        for (String field : line.split(separator, -1)) {
          String begins = unquotedStart(field);
          assertThat(begins).as("a field of %s split on '%s'", line, separator).doesNotStartWith("=").doesNotStartWith("+")
              .doesNotStartWith("-").doesNotStartWith("@");
        }
      }
    }
  }

  @Test
  void everyCellWithASeparatorQuoteTabOrLineBreakIsQuoted() throws Exception {
    String csv = exportedCsv(List.of("a;b", "a,b", "a\"b", "a\tb", "a\rb", "a\nb", "plain"));

    assertThat(csv).contains("\"a;b\"", "\"a,b\"", "\"a\"\"b\"", "\"a\tb\"", "\"a\rb\"", "\"a\nb\"", ",plain\r\n");
  }

  @Test
  void aStandardReaderGetsEveryValueBackWithOnlyTheNeutralisingQuotesAdded() throws Exception {
    String csv = exportedCsv(HOSTILE);

    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    assertThat(rows).hasSize(HOSTILE.size());
    for (int i = 0; i < HOSTILE.size(); i++) {
      String read = rows.get(i).get("value");
      assertThat(withoutNeutralisingQuotes(read)).isEqualTo(HOSTILE.get(i));
    }
    assertThat(rows.get(HOSTILE.indexOf("\tleading tab kept")).get("value")).isEqualTo("'\tleading tab kept");
    assertThat(rows.get(HOSTILE.indexOf("   leading spaces")).get("value")).isEqualTo("   leading spaces");
    assertThat(rows.get(HOSTILE.indexOf("Csv;=cmd|' /C calc'!A0")).get("value")).isEqualTo("Csv;'=cmd|' /C calc'!A0");
  }

  @Test
  void harmlessCellsAreWrittenAsTheyAre() {
    for (String text : new String[] {"", "Erika", " =1+1", "{\"a\":\"=1\"}", "1+1", "'quoted", "a-b", "x=y"}) {
      assertThat(CsvCells.neutralized(text)).isEqualTo(text);
    }
  }

  /** Writes one record per value through an export part and returns the part's CSV. */
  private String exportedCsv(List<String> values) throws IOException {
    Path file;
    try (ExportPart part = new ExportPart("notes", new ObjectMapper(), scratch)) {
      for (int i = 0; i < values.size(); i++) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("value", values.get(i));
        part.record("note", "n-" + i, fields);
      }
      file = part.finish();
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      return new String(zip.getInputStream(zip.getEntry("notes.csv")).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * What a spreadsheet sees at the start of a field split off without regard to quotes: the
   * writer's opening quote and leading tabs or carriage returns are dropped, as some applications
   * do (a leading space is shown as text, OWASP does not list it).
   */
  private static String unquotedStart(String field) {
    String s = field.startsWith("\"") ? field.substring(1) : field;
    return s.replaceFirst("^[\t\r]+", "");
  }

  /** Removes a ' that the writer put before a formula character where a field could begin. */
  private static String withoutNeutralisingQuotes(String value) {
    List<Character> out = new ArrayList<>();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean fieldStart = i == 0 || ",;\t\r\n".indexOf(value.charAt(i - 1)) >= 0;
      boolean beforeFormula = i + 1 < value.length() && "=+-@\t\r".indexOf(value.charAt(i + 1)) >= 0;
      if (c == '\'' && fieldStart && beforeFormula) {
        continue;
      }
      out.add(c);
    }
    StringBuilder s = new StringBuilder();
    out.forEach(s::append);
    return s.toString();
  }
}

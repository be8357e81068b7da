package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.support.Api;
import io.datarights.support.Multipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Generated CSV imports, well-formed and malformed: unbalanced quotes, wrong column counts, byte
 * order marks, CR/LF/CRLF mixes, NUL bytes, broken UTF-8, 10 MB single lines, formula cells,
 * invalid phones and e-mails. Never a 5xx; all or nothing (a refused file changes no table, an
 * accepted one adds exactly the rows it reports); for a well-formed file the report names exactly
 * the bad rows. Formula cells are stored as data and neutralised in export packages' CSV files.
 */
class HostileCsvImportTest extends HostileInputTest {

  private static final List<String> COLUMNS = List.of("firstName", "lastName", "phone", "email", "notes");
  private static final List<String> PHONES = List.of("+49 171 2345678", "030 1234567", "+1 (317) 555-0123", "0049 40 123456");
  private static final List<String> BAD_PHONES = List.of("12", "abc", "+999 1", "=1+1", "0000000000000000000000000");
  private static final List<String> EMAILS = List.of("max@example.com", "Erika.M@Example.org", "a.b+c@sub.example.co.uk");
  private static final List<String> BAD_EMAILS = List.of("a@", "@b.example", "plain", "x@y@z", "=HYPERLINK(\"http://evil\")");
  private static final List<String> FORMULAS =
      List.of("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"http://evil.example\",\"x\")");
  private static final List<String> SEPARATORS = List.of("\n", "\r\n", "\r");

  private String list;
  private String region;

  @Test
  void generatedCsvFilesNeverCauseA5xxImportAllOrNothingAndReportExactlyTheBadRows() {
    long seed = seed();
    Random random = random("HostileCsvImportTest", seed);
    Tenant acme = newTenant("Acme");
    list = createList(acme.api(), "Hostile imports");
    region = "DE";
    TableCounts tables = new TableCounts(jdbc);
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    Figures figures = new Figures("hostile-csv-import");
    figures.note("seed: " + seed);
    int tries = tries(2_500) / 5;
    long start = System.nanoTime();
    long reportsChecked = 0;

    for (int i = 0; i < tries; i++) {
      boolean wellFormed = random.nextInt(3) > 0;
      Generated csv = generate(random, wellFormed);
      long before = count("outbound_contacts");
      HttpResponse<byte[]> response =
          attempt(figures, tables, csv.category(), "import " + csv.describe(), () -> upload(probe, "contacts.csv", "text/csv", csv.bytes()));
      if (response == null) {
        continue;
      }
      JsonNode body = HostileWorld.json(new String(response.body(), StandardCharsets.UTF_8));
      if (response.statusCode() == 200) {
        long imported = body.get("imported").asLong();
        if (count("outbound_contacts") - before != imported) {
          figures.record("all-or-nothing", 200, List.of("imported " + imported + " but the list grew by " + (count("outbound_contacts") - before)), csv.describe());
        }
      }
      if (wellFormed && csv.expectedBadRows() != null) {
        reportsChecked++;
        List<String> problems = checkVerdict(csv, response.statusCode(), body);
        if (!problems.isEmpty()) {
          figures.record("report-names-the-bad-rows", response.statusCode(), problems, csv.describe());
        }
      }
    }

    figures.note("files: " + tries + ", well-formed files whose verdict was checked row by row: " + reportsChecked + ", in "
        + (System.nanoTime() - start) / 1_000_000 + " ms");
    String report = figures.publish();
    assertThat(figures.failures()).as(report).isEmpty();
  }

  @Test
  void tenMegabyteSingleLinesAreRefusedWithABoundedReportAndNothingImported() {
    Tenant acme = newTenant("Acme");
    String listId = createList(acme.api(), "Big lines");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    this.list = listId;
    String tenMegabytes = "x".repeat(10 * 1024 * 1024);
    StringBuilder manyColumns = new StringBuilder();
    for (int i = 0; manyColumns.length() < 10 * 1024 * 1024; i++) {
      manyColumns.append(i == 0 ? "" : ",").append("c").append(i);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("a 10 MB value", "firstName,notes\nMax," + tenMegabytes + "\n");
    files.put("a 10 MB header name", tenMegabytes + "\nMax\n");
    files.put("a header of a million columns", manyColumns + "\n");
    files.put("a row of a million values", "firstName,notes\n" + manyColumns + "\n");
    files.put("a 10 MB quoted value never closed", "firstName,notes\nMax,\"" + tenMegabytes);
    for (var file : files.entrySet()) {
      long before = count("outbound_contacts");

      HttpResponse<byte[]> response = upload(probe, "big.csv", "text/csv", file.getValue().getBytes(StandardCharsets.UTF_8));

      assertThat(ApiContract.violations(response)).as(file.getKey()).isEmpty();
      assertThat(response.statusCode()).as(file.getKey()).isEqualTo(400);
      assertThat(response.body().length).as(file.getKey() + ": the report does not echo the file").isLessThan(16 * 1024);
      assertThat(count("outbound_contacts")).isEqualTo(before);
    }
  }

  @Test
  void formulaCellsAreStoredAsDataAndNeutralisedInTheExportPackagesCsvFiles() throws IOException {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String listId = createList(api, "=cmd|' /C calc'!A0");
    this.list = listId;
    String email = "formula@example.com";
    StringBuilder csv = new StringBuilder("firstName,lastName,phone,email,notes\r\n");
    CSVFormat format = CSVFormat.RFC4180;
    csv.append(format.format(FORMULAS.get(0), FORMULAS.get(1), "+49 171 2345678", email, FORMULAS.get(3))).append("\r\n");
    csv.append(format.format(FORMULAS.get(2), FORMULAS.get(4), "", email, FORMULAS.get(5))).append("\r\n");
    Api.Response imported = Multipart.upload(api, "/api/v2/outbound/contactlists/" + listId + "/contacts/import", "f.csv", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(api.post("/api/v2/users", Map.of("name", "Formula Tester", "email", email, "title", "=HYPERLINK(\"http://evil.example\")",
        "personalStatus", "@SUM(1+1)")).status()).isEqualTo(201);
    assertThat(api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", "=1+2", "lastName", "-3+4", "title", "+5",
        "workEmail", email)).status()).isEqualTo(201);

    // Stored as data: read back exactly as imported.
    List<String> stored = new ArrayList<>();
    api.get("/api/v2/outbound/contactlists/" + listId + "/contacts").json().get("entities")
        .forEach(c -> c.get("data").fields().forEachRemaining(f -> stored.add(f.getValue().asText())));
    assertThat(stored).contains(FORMULAS.get(0), FORMULAS.get(1), FORMULAS.get(2), FORMULAS.get(3), FORMULAS.get(4), FORMULAS.get(5));

    // Exported: no cell of any CSV file of the package starts a formula.
    String id = api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of(email))))
        .json().get("id").asText();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    String url = api.get("/api/v2/gdpr/requests/" + id).json().get("resultsUrl").asText();
    byte[] zip = anonymous().get(url.substring(url.indexOf("/api/v2"))).raw().body();
    Map<String, String> csvFiles = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".csv")) {
          csvFiles.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    assertThat(csvFiles).containsKeys("directory.csv", "externalContacts.csv", "outbound.csv");
    List<String> cells = new ArrayList<>();
    for (var file : csvFiles.entrySet()) {
      try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(file.getValue()))) {
        for (CSVRecord record : parser) {
          for (String cell : record) {
            cells.add(cell);
            assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0)
                .as(file.getKey() + " cell " + cell.replace("\t", "\\t").replace("\r", "\\r") + " would run as a formula").isTrue();
          }
        }
      }
    }
    assertThat(cells).contains("'=HYPERLINK(\"http://evil.example\")", "'@SUM(1+1)", "'=1+2", "'-3+4", "'+5", "'=cmd|' /C calc'!A0");
    assertThat(String.join("\n", cells)).as("the dialer contact's data, as JSON in its cell, keeps the values")
        .contains("=cmd|' /C calc'!A0").contains("\\t=1+1");
  }

  private static String createList(Api api, String name) {
    Api.Response created = api.post("/api/v2/outbound/contactlists", Map.of(
        "name", name, "columnNames", COLUMNS,
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal"))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private HttpResponse<byte[]> upload(Probe probe, String fileName, String contentType, byte[] content) {
    String boundary = "----hostile" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return probe.send("POST", "/api/v2/outbound/contactlists/" + list + "/contacts/import", "multipart/form-data; boundary=" + boundary,
        body.toByteArray());
  }

  /** A generated file; for a well-formed one, the rows a correct importer refuses (null if the header is refused). */
  record Generated(String category, byte[] bytes, Set<Long> expectedBadRows, long expectedContacts, String what) {
    String describe() {
      String text = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8)
          .replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
      return what + " (" + bytes.length + " bytes) " + text;
    }
  }

  private Generated generate(Random random, boolean wellFormed) {
    List<String> header = new ArrayList<>(COLUMNS.subList(0, 1 + random.nextInt(COLUMNS.size())));
    java.util.Collections.shuffle(header, random);
    List<String> headerCells = new ArrayList<>();
    for (String column : header) {
      headerCells.add(random.nextInt(4) == 0 ? column.toUpperCase(Locale.ROOT) : column);
    }
    boolean headerRefused = false;
    if (random.nextInt(10) == 0) {
      headerCells.add(HostileValues.pick(random, List.of("fax", "", " ", "=cmd", "PHONE", "notes\u0000")));
      headerRefused = true; // unknown, empty, formula or repeated column
    }
    CSVFormat format = CSVFormat.RFC4180;
    StringBuilder text = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
    text.append(format.format(headerCells.toArray())).append(HostileValues.pick(random, SEPARATORS));
    Set<Long> bad = new TreeSet<>();
    long contacts = 0;
    int rows = random.nextInt(40);
    for (int r = 0; r < rows; r++) {
      long rowNumber = r + 2;
      List<String> cells = new ArrayList<>();
      boolean rowBad = false;
      for (String column : header) {
        String value = cell(random, column);
        cells.add(value);
        rowBad |= refused(column, value);
      }
      if (cells.stream().allMatch(c -> new String(c.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).isBlank())) {
        rowBad = false; // an empty line is no contact
      } else if (rowBad) {
        bad.add(rowNumber);
      } else {
        contacts++;
      }
      text.append(format.format(cells.toArray())).append(HostileValues.pick(random, SEPARATORS));
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (wellFormed) {
      return new Generated("CSV_WELL_FORMED", bytes, headerRefused ? null : bad, contacts, rows + " rows");
    }
    return malformed(random, bytes, rows);
  }

  /** A value for a column: valid, invalid for the column's type, blank, a formula, or hostile text. */
  private static String cell(Random random, String column) {
    int pick = random.nextInt(20);
    if (pick == 0) {
      return "";
    }
    if (pick == 1) {
      return HostileValues.pick(random, FORMULAS);
    }
    if (pick == 2) {
      return HostileValues.pick(random, HostileValues.STRINGS);
    }
    if (pick == 3) {
      return "y".repeat(4_000 + random.nextInt(200));
    }
    return switch (column) {
      case "phone" -> pick < 6 ? HostileValues.pick(random, BAD_PHONES) : HostileValues.pick(random, PHONES);
      case "email" -> pick < 6 ? HostileValues.pick(random, BAD_EMAILS) : HostileValues.pick(random, EMAILS);
      default -> HostileValues.pick(random, List.of("Max", "Erika", "Müller", "O'Brien", "Smith, Jr.", "\"Quoted\"", "multi\nline", "  padded  "));
    };
  }

  /** Whether a correct importer refuses this value in this column (the contract, not the code). */
  private boolean refused(String column, String sent) {
    // What arrives: UTF-8 has no half surrogate pairs, the encoder sends '?' for one.
    String value = new String(sent.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    if (value.isBlank()) {
      return false;
    }
    if (value.length() > 4096 || value.indexOf('\u0000') >= 0 || !io.datarights.shared.StorableText.isStorable(value)) {
      return true;
    }
    return switch (column) {
      case "phone" -> PhoneNumbers.parse(value, region).isEmpty();
      case "email" -> !Emails.isValid(value);
      default -> false;
    };
  }

  private Generated malformed(Random random, byte[] wellFormed, int rows) {
    String text = new String(wellFormed, StandardCharsets.UTF_8);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    String category;
    byte[] bytes;
    switch (random.nextInt(9)) {
      case 0 -> {
        category = "CSV_UNBALANCED_QUOTE";
        bytes = utf8(text.substring(0, at) + "\"" + text.substring(at));
      }
      case 1 -> {
        category = "CSV_WRONG_COLUMN_COUNT";
        bytes = utf8(text + "a,b,c,d,e,f,g,h\r\nonly\n,,\n");
      }
      case 2 -> {
        category = "CSV_NUL_BYTES";
        bytes = utf8(text.substring(0, at) + "\u0000" + text.substring(at));
      }
      case 3 -> {
        category = "CSV_INVALID_UTF8";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] prefix = utf8(text.substring(0, at));
        out.writeBytes(prefix);
        out.writeBytes(HostileValues.pick(random, HostileValues.INVALID_UTF8));
        out.writeBytes(utf8(text.substring(at)));
        bytes = out.toByteArray();
      }
      case 4 -> {
        category = "CSV_BOM_INSIDE";
        bytes = utf8(text.substring(0, at) + "\uFEFF" + text.substring(at));
      }
      case 5 -> {
        category = "CSV_LINE_ENDINGS";
        bytes = utf8(text.replace("\r\n", "\n\r").replace("\n", random.nextBoolean() ? "\r\r\n" : "\n\n\r"));
      }
      case 6 -> {
        category = "CSV_TRUNCATED";
        bytes = java.util.Arrays.copyOf(wellFormed, wellFormed.length == 0 ? 0 : random.nextInt(wellFormed.length));
      }
      case 7 -> {
        category = "CSV_OTHER_DELIMITERS";
        bytes = utf8(text.replace(',', random.nextBoolean() ? ';' : '\t'));
      }
      default -> {
        category = "CSV_TEXT_AFTER_QUOTE";
        bytes = utf8(text.substring(0, at) + "\"x\"y," + text.substring(at));
      }
    }
    return new Generated(category, bytes, null, -1, rows + " rows, " + category.toLowerCase(Locale.ROOT));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** For a well-formed file: refused exactly when some row is bad, naming exactly those rows; else all contacts imported. */
  private static List<String> checkVerdict(Generated csv, int status, JsonNode body) {
    List<String> problems = new ArrayList<>();
    Set<Long> expected = csv.expectedBadRows();
    if (expected.isEmpty()) {
      if (status != 200) {
        problems.add("a file without bad rows was refused: " + body);
      } else if (body.get("imported").asLong() != csv.expectedContacts()) {
        problems.add("imported " + body.get("imported") + " of " + csv.expectedContacts() + " contacts");
      }
      return problems;
    }
    if (status != 400) {
      problems.add("a file with bad rows " + expected + " was answered " + status);
      return problems;
    }
    Set<Long> reported = new TreeSet<>();
    for (JsonNode detail : body.get("details")) {
      String field = detail.get("fieldName").asText();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^row (\\d+)").matcher(field);
      if (m.find()) {
        reported.add(Long.parseLong(m.group(1)));
      }
    }
    if (body.get("details").size() < 100 && !reported.equals(expected)) {
      problems.add("reported rows " + reported + ", bad rows " + expected);
    }
    return problems;
  }
}

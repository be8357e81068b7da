package io.datarights.outbound.internal;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierIndex.RecordIdentifiers;
import io.datarights.shared.ApiException;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.OrgId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSV import of dialer contacts: the header row names list columns, each further row is a contact.
 * All or nothing: rows are checked while the upload streams by and written in chunks (PostgreSQL
 * COPY and bulk index inserts) inside one transaction; one bad row rolls everything back and the
 * answer lists the bad rows.
 */
@Service
class ContactImporter {

  private static final Logger log = LoggerFactory.getLogger(ContactImporter.class);

  /** Rows written per COPY and index insert; bounds the memory an import holds. */
  private static final int CHUNK = 5_000;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).get();

  private final ContactListRepository lists;
  private final DialerContactRepository contacts;
  private final IdentifierIndex index;

  ContactImporter(ContactListRepository lists, DialerContactRepository contacts, IdentifierIndex index) {
    this.lists = lists;
    this.contacts = contacts;
    this.index = index;
  }

  /** Imports the file's rows into the list; the number of contacts created. */
  @Transactional
  long importCsv(OrgId org, UUID listId, InputStream csv) throws IOException {
    ContactList list = lists.findForShare(org, listId).orElseThrow(() -> ApiException.notFound("contact list"));
    // Refuses bytes that are not UTF-8 (a spreadsheet's "CSV" in a legacy code page) instead of
    // silently storing replacement characters.
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader reader = new BufferedReader(new InputStreamReader(csv, decoder), 1 << 16);
    long start = System.nanoTime();
    try (CSVParser parser = FORMAT.parse(reader)) {
      long imported = new Run(org, list).read(parser.iterator());
      log.info("Imported {} contacts into contact list {} in {} ms", imported, listId, (System.nanoTime() - start) / 1_000_000);
      return imported;
    }
  }

  /** One import: its list, the chunk being filled and the problems found so far. */
  private final class Run {
    private final OrgId org;
    private final ContactList list;
    private final ColumnRoles roles;
    private final String region;
    private final DialerContactRepository.CopyRows chunk;
    private final List<RecordIdentifiers> identifiers = new ArrayList<>(CHUNK);
    private final RowErrors errors = new RowErrors();
    private long imported;
    private long lastRow = 1;

    Run(OrgId org, ContactList list) {
      this.org = org;
      this.list = list;
      this.roles = list.roles();
      this.region = index.regionOf(org);
      this.chunk = contacts.copyRows(org, list.id());
    }

    long read(Iterator<CSVRecord> rows) {
      try {
        if (!rows.hasNext()) {
          throw ApiException.invalidValue("file", "The CSV file is empty; its first row must name the columns.");
        }
        List<String> header = header(rows.next());
        while (rows.hasNext()) {
          CSVRecord row = rows.next();
          lastRow = row.getRecordNumber();
          readRow(header, row);
        }
      } catch (UncheckedIOException e) {
        if (e.getCause() instanceof CharacterCodingException) {
          throw ApiException.invalidValue(
              "file", "The CSV file is not UTF-8 encoded (after row " + lastRow + "); save it as \"CSV UTF-8\".");
        }
        throw ApiException.invalidValue(
            "file",
            "The CSV file is malformed after row " + lastRow
                + ": a quoted value is not closed, or text follows its closing quote.");
      }
      if (errors.any()) {
        throw errors.toException();
      }
      flush();
      return imported;
    }

    /** The list's columns the header names; every one must be a column of the list, and only once. */
    private List<String> header(CSVRecord record) {
      List<String> header = new ArrayList<>();
      List<ErrorBody.Detail> unknown = new ArrayList<>();
      long unknownCount = 0;
      Set<String> seen = new HashSet<>();
      // Matched ignoring case: a list's column names are unique ignoring case.
      Map<String, String> listColumns = new HashMap<>();
      list.columnNames().forEach(c -> listColumns.put(c.toLowerCase(Locale.ROOT), c));
      for (int i = 0; i < record.size(); i++) {
        String column = record.get(i).strip();
        if (i == 0 && column.startsWith("\uFEFF")) {
          column = column.substring(1).strip(); // the byte order mark spreadsheet programs write
        }
        if (column.isEmpty()) {
          throw ApiException.invalidValue(
              "row 1: column " + (i + 1), "The CSV header must name every column; column " + (i + 1) + " is empty.");
        }
        if (!seen.add(column.toLowerCase(Locale.ROOT))) {
          throw ApiException.invalidValue("row 1: " + quoted(column), "The CSV header names the column " + quoted(column) + " twice.");
        }
        String listColumn = listColumns.get(column.toLowerCase(Locale.ROOT));
        if (listColumn == null) {
          unknownCount++;
          if (unknown.size() < RowErrors.MAX_REPORTED) {
            unknown.add(new ErrorBody.Detail("unknown.column", "row 1: " + quoted(column)));
          }
        }
        header.add(listColumn);
      }
      if (!unknown.isEmpty()) {
        String names =
            String.join(", ", unknown.stream().limit(5).map(d -> d.fieldName().substring("row 1: ".length())).toList())
                + (unknownCount > 5 ? " and " + (unknownCount - 5) + " more" : "");
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "invalid.value",
            "Nothing was imported: the CSV header names columns the contact list does not have: " + names
                + ". The list's columns are " + String.join(", ", list.columnNames()) + ".",
            Map.of(),
            unknown,
            null);
      }
      return header;
    }

    /**
     * A header cell as the answer names it: at most 100 characters, so that a refused file is not
     * echoed back (a spreadsheet's column name is never longer than that).
     */
    private static String quoted(String column) {
      return column.length() <= 100 ? column : column.substring(0, 100) + "…";
    }

    private void readRow(List<String> header, CSVRecord row) {
      long number = row.getRecordNumber();
      if (isBlank(row)) {
        return; // an empty line is no contact
      }
      if (row.size() != header.size()) {
        errors.add(number, null, "wrong.column.count", "has " + row.size() + " values for " + header.size() + " columns");
        return;
      }
      Map<String, String> data = new LinkedHashMap<>();
      boolean valid = true;
      for (int i = 0; i < header.size(); i++) {
        String column = header.get(i);
        String value = row.get(i);
        var problem = roles.check(column, value, region);
        if (problem.isPresent()) {
          errors.add(number, column, problem.get().code, problem.get().shortPhrase);
          valid = false;
        }
        data.put(column, value);
      }
      // After the first problem nothing more is written, but the rest is still checked for the report.
      if (valid && !errors.any()) {
        UUID id = UUID.randomUUID();
        chunk.add(id, data);
        identifiers.add(new RecordIdentifiers(id.toString(), roles.identifiers(data)));
        if (chunk.count() >= CHUNK) {
          flush();
        }
      }
    }

    private void flush() {
      contacts.copy(chunk);
      index.addAll(org, DialerContactService.SERVICE, identifiers);
      imported += chunk.count();
      chunk.clear();
      identifiers.clear();
    }

    private static boolean isBlank(CSVRecord row) {
      for (String value : row) {
        if (!value.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }
}

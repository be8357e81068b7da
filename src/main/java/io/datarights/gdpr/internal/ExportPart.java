package io.datarights.gdpr.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.privacy.ExportSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One service's part of an export, written while the service exports: files go straight into a
 * ZIP as they come, records into a JSON-lines file that becomes {@code <service>.json} and {@code
 * <service>.csv} at the end. Memory stays bounded whatever the size of the subject's data.
 */
final class ExportPart implements ExportSink, AutoCloseable {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final String service;
  private final ObjectMapper json;
  private final Path zipFile;
  private final Path recordsFile;
  private final Path idsFile;
  private final ZipOutputStream zip;
  private final Writer records;
  private final Writer ids;
  private final Set<String> columns = new LinkedHashSet<>();
  private final Set<String> fileNames = new LinkedHashSet<>();
  private long recordCount;

  ExportPart(String service, ObjectMapper json, Path directory) throws IOException {
    this.service = service;
    this.json = json;
    this.zipFile = Files.createTempFile(directory, "part-", ".zip");
    this.recordsFile = Files.createTempFile(directory, "records-", ".jsonl");
    this.zip = new ZipOutputStream(Files.newOutputStream(zipFile));
    this.records = Files.newBufferedWriter(recordsFile, StandardCharsets.UTF_8);
    this.idsFile = Files.createTempFile(directory, "ids-", ".txt");
    this.ids = Files.newBufferedWriter(idsFile, StandardCharsets.UTF_8);
  }

  @Override
  public void record(String recordType, String recordId, Map<String, Object> fields) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("recordType", recordType);
    row.put("recordId", recordId);
    row.putAll(fields);
    columns.addAll(row.keySet());
    try {
      records.write(json.writeValueAsString(row));
      records.write('\n');
      ids.write(PackagedRecords.idOf(recordId));
      ids.write('\n');
      recordCount++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void file(String recordId, String fileName, String contentType, long size, FileContent content) {
    String entry = uniqueName("files/" + service + "/" + safe(recordId) + "/" + safe(fileName));
    try (InputStream in = content.open()) {
      zip.setLevel(ExportPackager.levelFor(entry));
      zip.putNextEntry(new ZipEntry(entry));
      in.transferTo(zip);
      zip.closeEntry();
      zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The ids of the records written, read back from disk after {@link #finish()}: what the package
   * holds of this service, so that an erasure of any of them deletes the package.
   */
  void recordIds(java.util.function.Consumer<String> each) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(idsFile, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isEmpty()) {
          each.accept(line);
        }
      }
    }
  }

  long recordCount() {
    return recordCount;
  }

  int fileCount() {
    return fileNames.size();
  }

  /** Writes the JSON and CSV entries and closes the ZIP; the part file is then complete. */
  Path finish() throws IOException {
    records.close();
    ids.close();
    writeJson();
    writeCsv();
    zip.close();
    return zipFile;
  }

  private void writeJson() throws IOException {
    zip.putNextEntry(new ZipEntry(service + ".json"));
    OutputStream out = nonClosing(zip);
    out.write('[');
    boolean first = true;
    try (BufferedReader lines = Files.newBufferedReader(recordsFile, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.write((first ? "\n" : ",\n").getBytes(StandardCharsets.UTF_8));
        out.write(line.getBytes(StandardCharsets.UTF_8));
        first = false;
      }
    }
    out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** One line per record, CRLF-terminated as RFC 4180 has it; every cell made safe by {@link CsvCells}. */
  private void writeCsv() throws IOException {
    zip.putNextEntry(new ZipEntry(service + ".csv"));
    List<String> header = new ArrayList<>(columns);
    Writer csv = new BufferedWriter(new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8));
    writeLine(csv, header);
    try (BufferedReader lines = Files.newBufferedReader(recordsFile, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Map<String, Object> row = json.readValue(line, MAP);
        List<String> values = new ArrayList<>(header.size());
        for (String column : header) {
          values.add(text(row.get(column)));
        }
        writeLine(csv, values);
      }
    }
    csv.flush();
    zip.closeEntry();
  }

  private static void writeLine(Writer csv, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.write(',');
      }
      csv.write(CsvCells.cell(values.get(i)));
    }
    csv.write("\r\n");
  }

  /** Nested values as JSON. */
  private String text(Object value) throws IOException {
    if (value == null) {
      return "";
    }
    return value instanceof String s ? s : json.writeValueAsString(value);
  }

  private String uniqueName(String name) {
    String candidate = name;
    for (int i = 2; !fileNames.add(candidate); i++) {
      candidate = name + "-" + i;
    }
    return candidate;
  }

  /** File and record names from data never become paths: no separators, no dot-dot, no controls. */
  static String safe(String name) {
    String cleaned = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("\\.{2,}", "_").strip();
    if (cleaned.isEmpty() || cleaned.startsWith(".")) {
      cleaned = "file" + cleaned;
    }
    return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  @Override
  public void close() throws IOException {
    try {
      records.close();
      ids.close();
      zip.close();
    } finally {
      Files.deleteIfExists(recordsFile);
      Files.deleteIfExists(idsFile);
    }
  }

  void discard() throws IOException {
    close();
    Files.deleteIfExists(zipFile);
  }
}

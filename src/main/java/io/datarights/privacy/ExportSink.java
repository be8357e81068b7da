package io.datarights.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Where a service writes a subject's data during an export. Records become rows of the service's
 * JSON and CSV files; files (attachments, recordings) are copied into the package as they are.
 */
public interface ExportSink {

  /** One record. {@code fields} values are strings, numbers, booleans, lists or maps (JSON-able). */
  void record(String recordType, String recordId, Map<String, Object> fields);

  /** One file, streamed: the content is read once, never held in memory whole. */
  void file(String recordId, String fileName, String contentType, long size, FileContent content);

  @FunctionalInterface
  interface FileContent {
    InputStream open() throws IOException;
  }
}

package io.datarights.support;

import io.datarights.privacy.ExportSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what a service exports, for services that hold records but no files. */
public final class RecordingSink implements ExportSink {

  public record Recorded(String type, String id, Map<String, Object> fields) {}

  public final List<Recorded> records = new ArrayList<>();

  @Override
  public void record(String recordType, String recordId, Map<String, Object> fields) {
    records.add(new Recorded(recordType, recordId, fields));
  }

  @Override
  public void file(String recordId, String fileName, String contentType, long size, FileContent content) {
    throw new AssertionError("this service holds no files, yet exported " + fileName);
  }
}

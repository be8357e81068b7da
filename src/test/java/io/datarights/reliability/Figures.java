package io.datarights.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a hostile-input run for docs/reliability.md: requests per category, answers by
 * status, 5xx seen, changes made by rejected requests, and the broken promises found. Printed and
 * written to {@code target/reliability/<name>.txt}.
 */
final class Figures {

  private final String name;
  private final Map<String, Long> requestsByCategory = new TreeMap<>();
  private final Map<Integer, Long> responsesByStatus = new TreeMap<>();
  private final Map<String, Map<Integer, Long>> statusByCategory = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long serverErrors;
  private long rejected;
  private long rejectedThatChangedSomething;
  private long failureCount;

  Figures(String name) {
    this.name = name;
  }

  /** Counts one answer and keeps its problems (the first few hundred of them) for the report. */
  void record(String category, int status, List<String> problems, String request) {
    requestsByCategory.merge(category, 1L, Long::sum);
    responsesByStatus.merge(status, 1L, Long::sum);
    statusByCategory.computeIfAbsent(category, c -> new TreeMap<>()).merge(status, 1L, Long::sum);
    if (status >= 500) {
      serverErrors++;
    }
    if (status >= 400) {
      rejected++;
    }
    if (!problems.isEmpty()) {
      failureCount++;
      if (failures.size() < 300) {
        failures.add(status + " " + String.join(", ", problems) + " <- " + request);
      }
    }
  }

  void changedByRejected(String request, Map<String, String> changes) {
    rejectedThatChangedSomething++;
    failureCount++;
    if (failures.size() < 300) {
      failures.add("rejected request changed " + changes + " <- " + request);
    }
  }

  void note(String line) {
    notes.add(line);
  }

  long requests() {
    return responsesByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  List<String> failures() {
    return failures;
  }

  long failureCount() {
    return failureCount;
  }

  String report() {
    StringBuilder out = new StringBuilder();
    out.append("== ").append(name).append('\n');
    notes.forEach(n -> out.append(n).append('\n'));
    out.append("requests sent: ").append(requests()).append('\n');
    out.append("responses by status: ").append(responsesByStatus).append('\n');
    out.append("5xx seen: ").append(serverErrors).append('\n');
    out.append("rejected (4xx): ").append(rejected).append(", of which changed a table: ").append(rejectedThatChangedSomething).append('\n');
    out.append("inputs per category (answers by status):\n");
    requestsByCategory.forEach(
        (category, n) -> out.append("  ").append(category).append(": ").append(n).append(' ').append(statusByCategory.get(category)).append('\n'));
    out.append("broken promises: ").append(failureCount).append('\n');
    failures.stream().limit(60).forEach(f -> out.append("  ").append(f).append('\n'));
    return out.toString();
  }

  /** Prints the figures and keeps them under target/reliability for the reliability report. */
  String publish() {
    String report = report();
    System.out.println(report);
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }
}

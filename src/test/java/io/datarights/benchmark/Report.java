package io.datarights.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The benchmark's results as Markdown tables, printed and written to target/benchmarks/. */
final class Report {

  private final ServiceBenchmark.Config config;
  private final StringBuilder text = new StringBuilder();

  Report(ServiceBenchmark.Config config) {
    this.config = config;
    text.append("## ").append(String.format("%,d", config.contacts())).append(" external contacts\n\n");
    text.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name")).append("\n\n");
  }

  void generated(double seconds) {
    text.append(String.format("Generated in %.1f s.%n", seconds));
  }

  void rows(long contacts, long conversations, long indexRows) {
    text.append(String.format("Rows: %,d external contacts, %,d conversations, %,d identifier index entries.%n%n", contacts, conversations, indexRows));
  }

  void search(int lookups, long[] http, double httpPerSecond, long[] sql, double sqlPerSecond, long[] floor, int clients) {
    long[] h = sorted(http);
    long[] s = sorted(sql);
    long[] f = sorted(floor);
    text.append("### Subject search by e-mail (").append(lookups).append(" distinct people)\n\n");
    text.append("| | p50 ms | p99 ms | per second (1 client) | per second (").append(clients).append(" clients) |\n|---|---:|---:|---:|---:|\n");
    text.append(String.format("| HTTP `GET /api/v2/gdpr/subjects` | %.2f | %.2f | %.0f | %.0f |%n", ms(p(h, 50)), ms(p(h, 99)), perSecond(h), httpPerSecond));
    text.append(String.format("| raw SQL over JDBC | %.2f | %.2f | %.0f | %.0f |%n", ms(p(s, 50)), ms(p(s, 99)), perSecond(s), sqlPerSecond));
    text.append(String.format("| ratio | %.1f× | %.1f× | | %.1f× |%n", (double) p(h, 50) / p(s, 50), (double) p(h, 99) / p(s, 99), sqlPerSecond / httpPerSecond));
    text.append(String.format("| HTTP floor: `GET /api/v2/organizations/me` (token + one query) | %.2f | %.2f | %.0f | |%n", ms(p(f, 50)), ms(p(f, 99)), perSecond(f)));
    text.append(String.format("| search ÷ HTTP floor | %.1f× | %.1f× | | |%n%n", (double) p(h, 50) / p(f, 50), (double) p(h, 99) / p(f, 99)));
  }

  private boolean subjectHeader;

  void subject(int size, SubjectBenchmark.Shape shape, double export, double rawExport, double delete, double rawDelete) {
    if (!subjectHeader) {
      text.append("### One subject, POST to COMPLETED, against the minimal SQL\n\n");
      text.append("| records | dialer contacts / conversations / 64 KB files | export s | raw SQL s | ratio | erase s | raw SQL s | ratio |\n");
      text.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
      subjectHeader = true;
    }
    text.append(String.format("| %,d | %,d / %,d / %,d | %.3f | %.3f | %.1f× | %.3f | %.3f | %.1f× |%n", size,
        shape.dialerContacts(), shape.conversations(), shape.attachments(), export, rawExport, export / rawExport, delete, rawDelete, delete / rawDelete));
  }

  void write() {
    String result = text.toString();
    System.out.println(result);
    try {
      Path dir = Path.of("target", "benchmarks");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("service-" + config.contacts() + ".md"), result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long[] sorted(long[] nanos) {
    long[] copy = nanos.clone();
    Arrays.sort(copy);
    return copy;
  }

  private static long p(long[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double perSecond(long[] nanos) {
    return nanos.length / (Arrays.stream(nanos).sum() / 1e9);
  }
}

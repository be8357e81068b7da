package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datarights against the floor raw SQL sets, in the same run on the same database: subject search
 * over HTTP against the same index lookup over JDBC, and export / erasure of one subject (from
 * POST to COMPLETED) against the minimal SQL statements that read or remove the same rows.
 *
 * <p>{@code ./mvnw test -Pbenchmark -Dtest=ServiceBenchmark -Dbench.contacts=100000} — see
 * docs/benchmarks.md. CI runs {@link SmallServiceBenchmarkTest}, a small configuration, so that
 * this cannot rot. Results go to {@code target/benchmarks/service-<contacts>.md}.
 */
@Tag("benchmark")
class ServiceBenchmark {

  @TempDir Path dataDir;

  @Test
  void againstRawSql() throws Exception {
    run(new Config(
        Integer.getInteger("bench.contacts", 10_000),
        Arrays.stream(System.getProperty("bench.subject-sizes", "10,1000,10000").split(",")).map(String::strip).map(Integer::valueOf).toList(),
        Integer.getInteger("bench.searches", 2_000)), dataDir);
  }

  record Config(int contacts, List<Integer> subjectSizes, int searches) {}

  static void run(Config config, Path dataDir) throws Exception {
    String url = TestDatabase.newDatabase("bench_" + config.contacts());
    Report report = new Report(config);
    try (ServerProcess server = ServerProcess.start("bench-" + config.contacts(), url, dataDir, ServerProcess.defaults())) {
      Api admin = server.admin();
      JsonNode created = admin.post("/api/v2/admin/organizations", Map.of("name", "bench", "defaultRegion", "DE")).json();
      String clientId = created.get("client").get("id").asText();
      String secret = created.get("client").get("secret").asText();
      UUID org = UUID.fromString(created.get("organization").get("id").asText());
      Api api = server.api().withToken(server.api().token(clientId, secret));

      long started = System.nanoTime();
      int n = config.contacts();
      ServerProcess.runCommand("bench-data-" + n, url, "demo-data", "--org", "bench", "--seed", "7",
          "--contacts", String.valueOf(n), "--conversations", String.valueOf(2 * n), "--users", "50",
          "--dialer-contacts", String.valueOf(Math.max(10, n / 10)), "--journey-customers", String.valueOf(Math.max(10, n / 20)));
      report.generated(seconds(started));

      try (Connection jdbc = DriverManager.getConnection(url, "postgres", "")) {
        jdbc.createStatement().execute("analyze");
        report.rows(count(jdbc, "select count(*) from external_contacts"), count(jdbc, "select count(*) from conversations"),
            count(jdbc, "select count(*) from identifier_index"));
        List<String> emails = sampleEmails(jdbc, org, config.searches());
        SearchBenchmark.measure(api, jdbc, org, emails, report);
        for (int size : config.subjectSizes()) {
          SubjectBenchmark.measure(api, jdbc, org, dataDir, size, report);
        }
      }
    }
    report.write();
  }

  private static List<String> sampleEmails(Connection jdbc, UUID org, int limit) throws SQLException {
    List<String> emails = new ArrayList<>();
    try (PreparedStatement sample = jdbc.prepareStatement(
        "select normalized_value from identifier_index where org_id = ? and kind = 'EMAIL' and service = 'externalContacts' order by random() limit ?")) {
      sample.setObject(1, org);
      sample.setInt(2, limit);
      try (ResultSet rs = sample.executeQuery()) {
        while (rs.next()) {
          emails.add(rs.getString(1));
        }
      }
    }
    assertThat(emails).isNotEmpty();
    return emails;
  }

  static long count(Connection jdbc, String sql) throws SQLException {
    try (ResultSet rs = jdbc.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}

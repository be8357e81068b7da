package io.datarights.bulkerasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.contacts.ExternalContactsBulkLoad;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.outbound.OutboundBulkLoad;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk erasure against its floor: the same rows seeded in two orgs, erased once by a bulk job
 * (POST to COMPLETED, verified and audited) and once by the least SQL that deletes them when their
 * ids are known (one transaction, one statement per table and the index). Writes subjects per
 * second for both and the ratio to {@code target/benchmarks/bulk-erasure.txt}.
 *
 * <p>{@code ./mvnw -Pbenchmark test -Dtest=BulkErasureBenchmarkTest [-Dbench.bulk.subjects=100000]};
 * the small configuration runs in CI (tagged slow), so that the benchmark cannot rot.
 */
class BulkErasureBenchmarkTest extends IntegrationTest {

  @Autowired ExternalContactsBulkLoad contactLoad;
  @Autowired OutboundBulkLoad outboundLoad;
  @Autowired ConversationsBulkLoad conversationLoad;
  @Autowired TransactionTemplate tx;
  @Autowired DataSource dataSource;

  @Test
  @Tag("benchmark")
  void bulkErasureAgainstRawSql() throws Exception {
    Result result = measure(Integer.getInteger("bench.bulk.subjects", 10_000));
    assertThat(result.verified()).isTrue();
  }

  @Test
  @Tag("slow")
  void aSmallBulkErasureIsMeasuredAgainstRawSqlInEveryBuild() throws Exception {
    Result result = measure(2_000);
    assertThat(result.verified()).isTrue();
    // Loose on purpose (shared 2-core machines): it catches a return to per-row work, not noise.
    assertThat(result.ratio()).as(result.toString()).isLessThan(25);
  }

  /** {@code filedSeconds}: until the 202, the file read, checked and stored with its chunks (part of {@code bulkSeconds}). */
  record Result(int subjects, double bulkSeconds, double filedSeconds, double rawSeconds, boolean verified) {
    double ratio() {
      return bulkSeconds / rawSeconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d subjects: bulk erasure %.2f s (%.0f subjects/s; filed in %.2f s), raw SQL %.2f s (%.0f subjects/s), ratio %.2f",
          subjects, bulkSeconds, subjects / bulkSeconds, filedSeconds, rawSeconds, subjects / rawSeconds, ratio());
    }
  }

  private Result measure(int subjects) throws Exception {
    BulkSeed seed = new BulkSeed(contactLoad, outboundLoad, conversationLoad, tx);
    Tenant bulk = newTenant("Bulk");
    Tenant raw = newTenant("Raw");
    BulkSeed.Seeded forBulk = seed.seed(OrgId.of(bulk.orgId()), subjects, subjects / 10);
    BulkSeed.Seeded forRaw = seed.seed(OrgId.of(raw.orgId()), subjects, subjects / 10);
    analyze();

    long started = System.nanoTime();
    Api.Response filed = BulkErasureApiTest.upload(bulk.api(), BulkErasureApiTest.CONFIRMED, forBulk.csv());
    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    double filedSeconds = (System.nanoTime() - started) / 1e9;
    String id = filed.json().get("id").asText();
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> List.of("COMPLETED", "ERROR").contains(bulk.api().get(BulkErasureApiTest.PATH + "/" + id).json().get("status").asText()));
    double bulkSeconds = (System.nanoTime() - started) / 1e9;
    JsonNode job = bulk.api().get(BulkErasureApiTest.PATH + "/" + id).json();
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");

    double rawSeconds = rawDelete(UUID.fromString(raw.orgId()), forRaw);
    assertThat(count("external_contacts")).isEqualTo(2L * (subjects / 10));

    Result result = new Result(subjects, bulkSeconds, filedSeconds, rawSeconds, job.get("verifiedErased").asBoolean());
    report(result, job);
    return result;
  }

  /** The floor: every row of the subjects, ids known, deleted or anonymized in one transaction. */
  private double rawDelete(UUID org, BulkSeed.Seeded seeded) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      UUID[] contacts = seeded.contactIds().toArray(UUID[]::new);
      UUID[] conversations = seeded.conversationIds().toArray(UUID[]::new);
      UUID[] customers = seeded.customerParticipantIds().toArray(UUID[]::new);
      UUID[] lists = seeded.contactLists().toArray(UUID[]::new);
      long started = System.nanoTime();
      UUID[] dialer;
      try (PreparedStatement s = c.prepareStatement("select contact_id from outbound_contacts where org_id = ? and list_id = any(?)")) {
        s.setObject(1, org);
        s.setArray(2, c.createArrayOf("uuid", lists));
        var ids = new java.util.ArrayList<UUID>();
        try (var rs = s.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getObject(1, UUID.class));
          }
        }
        dialer = ids.toArray(UUID[]::new);
      }
      String[] contactKeys = java.util.Arrays.stream(contacts).map(UUID::toString).toArray(String[]::new);
      String[] dialerKeys = java.util.Arrays.stream(dialer).map(UUID::toString).toArray(String[]::new);
      String[] conversationKeys = java.util.Arrays.stream(conversations).map(UUID::toString).toArray(String[]::new);
      execute(c, "delete from identifier_index where org_id = ? and service = 'externalContacts' and record_id = any(?)", org, c.createArrayOf("text", contactKeys));
      execute(c, "delete from external_contacts where org_id = ? and contact_id = any(?)", org, c.createArrayOf("uuid", contacts));
      execute(c, "delete from identifier_index where org_id = ? and service = 'outbound' and record_id = any(?)", org, c.createArrayOf("text", dialerKeys));
      execute(c, "delete from outbound_contacts where org_id = ? and contact_id = any(?)", org, c.createArrayOf("uuid", dialer));
      execute(c, "delete from identifier_index where org_id = ? and service = 'conversations' and record_id = any(?)", org, c.createArrayOf("text", conversationKeys));
      try (PreparedStatement s = c.prepareStatement(
          "update conversation_messages set body = null where org_id = ? and conversation_id = any(?) and participant_id = any(?)")) {
        s.setObject(1, org);
        s.setArray(2, c.createArrayOf("uuid", conversations));
        s.setArray(3, c.createArrayOf("uuid", customers));
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement(
          """
          update conversation_participants set name = 'anonymized', address = 'anonymized', attributes = '{}', anonymized_at = now()
          where org_id = ? and conversation_id = any(?) and participant_id = any(?)
          """)) {
        s.setObject(1, org);
        s.setArray(2, c.createArrayOf("uuid", conversations));
        s.setArray(3, c.createArrayOf("uuid", customers));
        s.executeUpdate();
      }
      c.commit();
      return (System.nanoTime() - started) / 1e9;
    }
  }

  private static void execute(Connection c, String sql, UUID org, java.sql.Array ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, org);
      s.setArray(2, ids);
      s.executeUpdate();
    }
  }

  /** Fresh statistics for the freshly seeded tables, as autovacuum would have them on a live system. */
  private void analyze() {
    jdbc.sql("analyze").update();
  }

  private void report(Result result, JsonNode job) throws IOException {
    String machine = String.format(Locale.ROOT, "%d cores, Java %s, %s, load average %.2f",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        jdbc.sql("select version()").query(String.class).single().replaceAll(" on .*", ""),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    String line = String.format(Locale.ROOT, "%s  %s; chunks %d; services %s; machine: %s%n",
        Instant.now(), result, job.get("progress").get("chunks").asInt(), job.get("services").findValuesAsText("name"), machine);
    System.out.print("BENCH bulk-erasure " + line);
    Path file = Path.of("target", "benchmarks", "bulk-erasure.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

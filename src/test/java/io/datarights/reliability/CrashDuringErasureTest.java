package io.datarights.reliability;

import static io.datarights.reliability.ReliabilityFixtures.awaitFinished;
import static io.datarights.reliability.ReliabilityFixtures.fileDelete;
import static io.datarights.reliability.ReliabilityFixtures.importList;
import static io.datarights.reliability.ReliabilityFixtures.newOrg;
import static io.datarights.reliability.ReliabilityFixtures.subjectsFound;
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
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at a random moment while the server erases a subject with 10,000 records; after a
 * restart every request completes, nothing of the subject remains, nobody else's data is touched,
 * and the audit log holds exactly one completion per request. Trials default to 3; the figure in
 * docs/reliability.md comes from {@code -Dreliability.crash.trials=20}.
 */
@Tag("slow")
class CrashDuringErasureTest {

  private static final int SUBJECT_ROWS = 10_000;
  private static final int BYSTANDER_ROWS = 1_000;

  @TempDir Path dataDir;

  @Test
  void aServerKilledMidErasureFinishesItAfterRestartWithNothingLostOrDoubled() throws Exception {
    int trials = Integer.getInteger("reliability.crash.trials", 3);
    long seed = Long.getLong("reliability.seed", System.nanoTime());
    Random random = new Random(seed);
    String jdbcUrl = TestDatabase.newDatabase("crash_during_erasure");
    ServerProcess server = ServerProcess.start("crash-0", jdbcUrl, dataDir, ServerProcess.defaults());
    int killedWhileRunning = 0;
    try {
      // Calibration: how long one uninterrupted erasure takes here, so that kills land inside it.
      ReliabilityFixtures.OrgClient calibration = newOrg(server, "crash-calibration");
      Api calibrationApi = calibration.on(server);
      // Twice, taking the faster: the first runs on a cold JVM, and kills timed by it landed after
      // the (warm) erasures had finished.
      long erasureMillis = Long.MAX_VALUE;
      for (int run = 1; run <= 2; run++) {
        String email = "calibration." + run + "@example.com";
        importList(calibrationApi, "calibration " + run, email, SUBJECT_ROWS, "calibration." + run + ".", BYSTANDER_ROWS);
        long started = System.nanoTime();
        awaitFinished(calibrationApi, fileDelete(calibrationApi, email), Duration.ofSeconds(120));
        erasureMillis = Math.min(erasureMillis, Math.max(100, (System.nanoTime() - started) / 1_000_000));
      }
      for (int trial = 1; trial <= trials; trial++) {
        ReliabilityFixtures.OrgClient client = newOrg(server, "crash-" + trial);
        Api org = client.on(server);
        String email = "erika." + trial + "@example.com";
        String list = importList(org, "trial " + trial, email, SUBJECT_ROWS, "bystander." + trial + ".", BYSTANDER_ROWS);
        String requestId = fileDelete(org, email);
        // Within the first 80 %: the status read before the kill takes a moment too.
        long killAfterMillis = random.nextLong(erasureMillis * 4 / 5);
        Thread.sleep(killAfterMillis);
        String statusAtKill = org.get("/api/v2/gdpr/requests/" + requestId).json().get("status").asText();
        if (!statusAtKill.equals("COMPLETED")) {
          killedWhileRunning++;
        }
        System.out.printf("trial %d: killed %d ms after filing (a warm erasure takes %d ms), status %s%n",
            trial, killAfterMillis, erasureMillis, statusAtKill);
        server.kill();

        server = ServerProcess.start("crash-" + trial, jdbcUrl, dataDir, ServerProcess.defaults());
        Api restarted = client.on(server);
        JsonNode request = awaitFinished(restarted, requestId, Duration.ofSeconds(120));
        String context = "trial " + trial + " (seed " + seed + ", killed after " + killAfterMillis + " ms in " + statusAtKill + ")";
        assertThat(request.get("status").asText()).as(context).isEqualTo("COMPLETED");
        assertThat(request.get("verifiedErased").asBoolean()).as(context).isTrue();
        assertThat(subjectsFound(restarted, email)).as(context).isZero();
        assertThat(rows(jdbcUrl, "select count(*) from outbound_contacts where list_id = ?", list)).as(context).isEqualTo(BYSTANDER_ROWS);
        assertThat(rows(jdbcUrl, "select count(*) from outbound_contacts where list_id = ? and data->>'email' = '" + email + "'", list))
            .as(context).isZero();
        assertThat(rows(jdbcUrl,
                "select count(*) from audit_log where action = 'gdpr.request.completed' and target_id = ?", requestId))
            .as(context + ": completions in the audit log").isEqualTo(1);
        assertThat(rows(jdbcUrl, "select count(*) from audit_log where action = 'gdpr.request.failed' and target_id = ?", requestId))
            .as(context).isZero();
      }
    } finally {
      server.close();
    }
    System.out.printf("crash trials: %d, killed while the erasure ran: %d, seed %d%n", trials, killedWhileRunning, seed);
    assertThat(killedWhileRunning).as("kills that landed inside the erasure").isGreaterThanOrEqualTo((trials + 1) / 2);
  }

  private static long rows(String jdbcUrl, String sql, String id) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      // list ids are uuid columns, audit targets are text
      statement.setObject(1, sql.contains("list_id") ? UUID.fromString(id) : id);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

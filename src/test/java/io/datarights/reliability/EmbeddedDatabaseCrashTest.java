package io.datarights.reliability;

import static io.datarights.reliability.ReliabilityFixtures.awaitFinished;
import static io.datarights.reliability.ReliabilityFixtures.fileDelete;
import static io.datarights.reliability.ReliabilityFixtures.importList;
import static io.datarights.reliability.ReliabilityFixtures.newOrg;
import static io.datarights.reliability.ReliabilityFixtures.subjectsFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The default configuration after a crash: the server, with its own embedded PostgreSQL, is
 * killed with SIGKILL while it erases a subject. Its PostgreSQL, started by pg_ctl in a session of
 * its own, outlives it. A new server on the same data directory recognises and stops that
 * leftover, starts promptly, and finishes the erasure with nobody else's data touched.
 */
@Tag("slow")
class EmbeddedDatabaseCrashTest {

  private static final int SUBJECT_ROWS = 2_000;
  private static final int BYSTANDER_ROWS = 500;
  /** What the crash may add to an ordinary start (stopping the leftover, PostgreSQL's recovery). */
  private static final Duration EXTRA_AFTER_CRASH = Duration.ofSeconds(30);

  private final Path dataDir = Path.of("target", "embedded-crash", UUID.randomUUID().toString()).toAbsolutePath();
  private final Path pgDir = dataDir.resolve("pg");
  private final List<ServerProcess> servers = new ArrayList<>();
  private final List<Long> postmasters = new ArrayList<>();
  private Connection blocker;

  @Test
  void aServerKilledMidErasureOnTheEmbeddedDatabaseRestartsOnTheSameDirectoryAndFinishesTheErasure() throws Exception {
    long started = System.nanoTime();
    ServerProcess first = start("embedded-crash-0", Duration.ofSeconds(180));
    Duration ordinaryStart = Duration.ofNanos(System.nanoTime() - started);
    long leftover = postmasterPid();
    postmasters.add(leftover);

    ReliabilityFixtures.OrgClient client = newOrg(first, "embedded-crash");
    Api api = client.on(first);
    String email = "erika.crash@example.com";
    String list = importList(api, "crash", email, SUBJECT_ROWS, "bystander.", BYSTANDER_ROWS);

    // Writes to the contacts wait for this lock, so the erasure is certainly under way at the kill;
    // the lock is held until the leftover PostgreSQL is stopped, with the erasure waiting inside it.
    blocker = DriverManager.getConnection(jdbcUrl(), "postgres", "");
    blocker.setAutoCommit(false);
    Statement statement = blocker.createStatement();
    statement.execute("lock table outbound_contacts in share mode");
    String requestId = fileDelete(api, email);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> waitingForTheLock(statement) > 0);
    String statusAtKill = api.get("/api/v2/gdpr/requests/" + requestId).json().get("status").asText();
    assertThat(statusAtKill).as("the request is in flight").isNotIn("COMPLETED", "ERROR");

    first.kill();
    assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
        .as("PostgreSQL outlives the killed server: the situation of the bug")
        .contains(true);

    long restarting = System.nanoTime();
    ServerProcess second = start("embedded-crash-1", ordinaryStart.plus(EXTRA_AFTER_CRASH));
    Duration restart = Duration.ofNanos(System.nanoTime() - restarting);
    long postmaster = postmasterPid();
    postmasters.add(postmaster);

    assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).as("the leftover PostgreSQL is gone").isFalse();
    assertThat(postmastersOf(pgDir)).as("one PostgreSQL runs on the data directory: the new one").containsExactly(postmaster);

    Api restarted = client.on(second);
    JsonNode request = awaitFinished(restarted, requestId, Duration.ofSeconds(120));
    assertThat(request.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(request.get("verifiedErased").asBoolean()).isTrue();
    assertThat(subjectsFound(restarted, email)).isZero();
    assertThat(count("select count(*) from outbound_contacts where list_id = ?", UUID.fromString(list)))
        .as("bystanders untouched").isEqualTo(BYSTANDER_ROWS);
    assertThat(count("select count(*) from audit_log where action = 'gdpr.request.completed' and target_id = ?", requestId))
        .as("completions in the audit log").isEqualTo(1);
    System.out.printf("embedded crash: ordinary start %d ms, restart after kill -9 %d ms%n", ordinaryStart.toMillis(), restart.toMillis());
  }

  @AfterEach
  void stopEverythingStarted() throws IOException {
    if (blocker != null) {
      try {
        blocker.close();
      } catch (SQLException e) {
        // its PostgreSQL was stopped under it, as intended
      }
    }
    servers.forEach(ServerProcess::close);
    readPid().ifPresent(postmasters::add);
    for (long pid : postmasters) {
      // only a PostgreSQL of this test's directory, never a process that got its number since
      ProcessHandle.of(pid).filter(p -> postmastersOf(pgDir).contains(p.pid())).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
    }
    FileSystemUtils.deleteRecursively(dataDir);
  }

  private ServerProcess start(String name, Duration healthyWithin) {
    ServerProcess server = ServerProcess.startEmbedded(name, dataDir, ServerProcess.defaults(), healthyWithin);
    servers.add(server);
    return server;
  }

  /** The postmasters whose command line names {@code directory} (backends rename themselves). */
  private static List<Long> postmastersOf(Path directory) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
        .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).indexOf("-D"))
            .filter(i -> i >= 0 && i + 1 < p.info().arguments().get().length)
            .map(i -> Path.of(p.info().arguments().get()[i + 1]).equals(directory))
            .orElse(false))
        .map(ProcessHandle::pid)
        .toList();
  }

  private long postmasterPid() {
    return readPid().orElseThrow(() -> new AssertionError("no postmaster.pid in " + pgDir));
  }

  private Optional<Long> readPid() {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The embedded server's port: line 4 of postmaster.pid. */
  private String jdbcUrl() throws IOException {
    return "jdbc:postgresql://localhost:" + Files.readAllLines(pgDir.resolve("postmaster.pid")).get(3).trim() + "/postgres";
  }

  private static long waitingForTheLock(Statement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery(
        "select count(*) from pg_locks where not granted and relation = 'outbound_contacts'::regclass")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long count(String sql, Object parameter) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setObject(1, parameter);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

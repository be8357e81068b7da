package io.datarights.reliability;

import static io.datarights.reliability.ReliabilityFixtures.fileDelete;
import static io.datarights.reliability.ReliabilityFixtures.importList;
import static io.datarights.reliability.ReliabilityFixtures.newOrg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.FaultyProxy;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away mid-request: every connection is cut for a few seconds, then every byte
 * stalls for a few seconds. Requests retry, show partial progress while they wait, never say
 * COMPLETED before every service is done, and finish once the database is back.
 */
@Tag("slow")
class DatabaseFaultsTest {

  private static final int SUBJECTS = 10;
  private static final int ROWS_PER_SUBJECT = 1_000;

  @TempDir Path dataDir;

  @Test
  void requestsSurviveCutAndStalledDatabaseConnectionsAndNeverCompleteEarly() throws Exception {
    String database = "database_faults";
    String direct = TestDatabase.newDatabase(database);
    try (FaultyProxy proxy = new FaultyProxy(TestDatabase.port())) {
      // A stalled socket is given up after 10 s, as an operator would configure it.
      String viaProxy = "jdbc:postgresql://localhost:" + proxy.port() + "/" + database + "?socketTimeout=10&connectTimeout=5";
      Map<String, String> settings = ServerProcess.defaults();
      try (ServerProcess server = ServerProcess.start("db-faults", viaProxy, dataDir, settings)) {
        ReliabilityFixtures.OrgClient client = newOrg(server, "db-faults");
        Api api = client.on(server);
        List<String> lists = new ArrayList<>();
        for (int s = 0; s < SUBJECTS; s++) {
          lists.add(importList(api, "subject " + s, "subject." + s + "@example.com", ROWS_PER_SUBJECT, "bystander." + s + ".", 100));
        }
        // Watched from the moment each is filed: a request that finished unseen would be checked by nothing.
        Watcher watcher = new Watcher(api);
        watcher.start();
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < SUBJECTS; s++) {
          ids.add(fileDelete(api, "subject." + s + "@example.com"));
          watcher.watch(ids.get(s));
        }
        Thread.sleep(300);
        watcher.faultsBegan.set(true);
        proxy.cut();
        Thread.sleep(5_000);
        proxy.heal();
        Thread.sleep(1_000);
        proxy.stall();
        Thread.sleep(4_000);
        proxy.heal();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
            .until(() -> count(direct, "select count(*) from gdpr_requests where status in ('COMPLETED', 'ERROR')") == SUBJECTS);
        // The watcher's check counts only for answers it got: each request's COMPLETED, and requests
        // read unfinished while the faults and the retries after them went on.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> watcher.seenCompleted.containsAll(ids));
        watcher.stop();

        assertThat(watcher.seenCompleted).as("requests the watcher read once COMPLETED").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(watcher.inFlightSinceFaults).as("requests the watcher read unfinished after the first fault began").isNotEmpty();
        assertThat(watcher.completedEarly).as("COMPLETED shown while a service was not done").isEmpty();
        assertThat(count(direct, "select count(*) from gdpr_requests where status = 'COMPLETED' and verified_erased")).isEqualTo(SUBJECTS);
        assertThat(count(direct,
                "select count(*) from gdpr_requests r join gdpr_request_services s using (org_id, request_id) where s.updated_at > r.completed_at"))
            .as("no service finished after its request was reported complete").isZero();
        assertThat(count(direct, "select count(*) from audit_log where action = 'gdpr.request.completed'")).isEqualTo(SUBJECTS);
        assertThat(count(direct, "select count(*) from outbound_contacts")).as("bystanders untouched").isEqualTo(SUBJECTS * 100L);
        for (String list : lists) {
          assertThat(count(direct, "select count(*) from outbound_contacts where list_id = '" + list + "'")).isEqualTo(100);
        }
        assertThat(proxy.connectionsCut()).as("the cut hit open connections").isPositive();
        System.out.printf(
            "database faults: %d requests (read unfinished: %d, after the first fault began: %d), %d connections cut, partial"
                + " progress seen %s, polls answered %d, refused or timed out %d, completed early: 0%n",
            SUBJECTS, watcher.seenInFlight.size(), watcher.inFlightSinceFaults.size(), proxy.connectionsCut(), watcher.partialSeen.get(),
            watcher.answered.get(), watcher.failedPolls.get());
      }
    }
  }

  /**
   * Polls every request all along and remembers anything that looks finished too soon, and what it
   * managed to read: a check of answers that never came would pass whatever the server did.
   */
  private static final class Watcher {
    private final Api api;
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean partialSeen = new AtomicBoolean();
    private final AtomicInteger failedPolls = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicBoolean faultsBegan = new AtomicBoolean();
    /** Requests read unfinished after the first fault began. */
    private final Set<String> inFlightSinceFaults = ConcurrentHashMap.newKeySet();
    private final Set<String> seenInFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> seenCompleted = ConcurrentHashMap.newKeySet();
    private final Set<String> completedEarly = ConcurrentHashMap.newKeySet();
    private Thread thread;

    Watcher(Api api) {
      this.api = api;
    }

    void watch(String id) {
      ids.add(id);
    }

    void start() {
      thread = new Thread(() -> {
        while (running.get()) {
          if (ids.isEmpty()) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // nothing filed yet
          }
          for (String id : ids) {
            try {
              Api.Response response = api.get("/api/v2/gdpr/requests/" + id);
              if (response.status() != 200) {
                failedPolls.incrementAndGet();
                continue;
              }
              JsonNode request = response.json();
              List<String> states = request.get("services").findValuesAsText("status");
              boolean allDone = states.stream().allMatch("DONE"::equals);
              String status = request.get("status").asText();
              answered.incrementAndGet();
              if (status.equals("COMPLETED")) {
                seenCompleted.add(id);
              } else if (!status.equals("ERROR")) {
                seenInFlight.add(id);
                if (faultsBegan.get()) {
                  inFlightSinceFaults.add(id);
                }
              }
              if (status.equals("COMPLETED") && !allDone) {
                completedEarly.add(id);
              }
              if (!status.equals("COMPLETED") && states.contains("DONE") && !allDone) {
                partialSeen.set(true);
              }
            } catch (RuntimeException e) {
              failedPolls.incrementAndGet();
            }
          }
        }
      }, "request-watcher");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(30_000);
    }
  }

  private static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

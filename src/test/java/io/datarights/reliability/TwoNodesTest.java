package io.datarights.reliability;

import static io.datarights.reliability.ReliabilityFixtures.fileDelete;
import static io.datarights.reliability.ReliabilityFixtures.newOrg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.support.Api;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one PostgreSQL share 1,000 erasure requests; one is killed with SIGKILL when a
 * third of them are done. The other finishes everything, and every service step of every request
 * took effect exactly once (one outcome recorded, one audit entry, one completion).
 */
@Tag("slow")
class TwoNodesTest {

  private static final int REQUESTS = Integer.getInteger("reliability.two-nodes.requests", 1000);

  @TempDir Path dataDir;

  @Test
  void twoNodesShareTheWorkAndKillingOneLosesNothing() throws Exception {
    String jdbcUrl = TestDatabase.newDatabase("two_nodes");
    ServerProcess a = ServerProcess.start("node-a", jdbcUrl, dataDir, ServerProcess.defaults());
    ServerProcess b = ServerProcess.start("node-b", jdbcUrl, dataDir, ServerProcess.defaults());
    try {
      ReliabilityFixtures.OrgClient client = newOrg(a, "two-nodes");
      Api onA = client.on(a);
      Api onB = client.on(b);
      // One list holds every subject once (plus as many bystanders): each request erases one person.
      String list = ReliabilityFixtures.importList(onA, "subjects", "nobody@example.com", 0, "subject.", REQUESTS);
      ReliabilityFixtures.importList(onA, "bystanders", "nobody@example.com", 0, "bystander.", REQUESTS);

      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> filing = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        Api node = i % 2 == 0 ? onA : onB;
        String email = "subject." + i + "@example.org";
        filing.add(pool.submit(() -> ids.add(fileDelete(node, email))));
      }
      for (Future<?> f : filing) {
        f.get();
      }
      pool.shutdown();

      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
          .until(() -> count(jdbcUrl, "select count(*) from gdpr_requests where status = 'COMPLETED'") >= REQUESTS / 3);
      long completedAtKill = count(jdbcUrl, "select count(*) from gdpr_requests where status = 'COMPLETED'");
      a.kill();

      await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
          .until(() -> count(jdbcUrl, "select count(*) from gdpr_requests where status in ('COMPLETED', 'ERROR')") == REQUESTS);

      assertThat(ids).hasSize(REQUESTS).doesNotHaveDuplicates();
      assertThat(count(jdbcUrl, "select count(*) from gdpr_requests where status = 'COMPLETED' and verified_erased")).isEqualTo(REQUESTS);
      long services = count(jdbcUrl, "select count(distinct service) from gdpr_request_services");
      assertThat(count(jdbcUrl, "select count(*) from gdpr_request_services where status = 'DONE'")).isEqualTo(REQUESTS * services);
      assertThat(count(jdbcUrl, "select count(*) from audit_log where action = 'gdpr.step.completed'"))
          .as("one recorded outcome per step").isEqualTo(REQUESTS * services);
      assertThat(count(jdbcUrl,
              "select count(*) from (select target_id, details->>'service' from audit_log where action = 'gdpr.step.completed' group by 1, 2 having count(*) > 1) twice"))
          .isZero();
      assertThat(count(jdbcUrl, "select count(*) from audit_log where action = 'gdpr.request.completed'")).isEqualTo(REQUESTS);
      assertThat(count(jdbcUrl, "select count(distinct target_id) from audit_log where action = 'gdpr.request.completed'")).isEqualTo(REQUESTS);
      assertThat(count(jdbcUrl, "select count(*) from outbound_contacts where list_id = '" + list + "'")).isZero();
      assertThat(count(jdbcUrl, "select count(*) from outbound_contacts")).as("bystanders untouched").isEqualTo(REQUESTS);
      long attemptsAboveOne = count(jdbcUrl, "select count(*) from gdpr_request_services where attempts > 1");
      System.out.printf("two nodes: %d requests, node A killed after %d completed; steps run again after the kill: %d%n",
          REQUESTS, completedAtKill, attemptsAboveOne);
    } finally {
      a.close();
      b.close();
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

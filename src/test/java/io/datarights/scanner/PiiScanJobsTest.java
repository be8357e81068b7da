package io.datarights.scanner;

import static io.datarights.scanner.ScanPolling.SCANS;
import static io.datarights.scanner.ScanPolling.awaitEnded;
import static io.datarights.scanner.ScanPolling.awaitProgress;
import static io.datarights.scanner.ScanPolling.scanned;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.HeldTable;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A scan is a background job: accepted at once, one per org at a time, rate limited, with its
 * progress visible while it runs. To hold a scan mid-way deterministically, a test takes an
 * exclusive lock on the table of the last place scanned (unlinked chats' participants): the scan
 * commits the first three places, then waits there until the test lets go.
 */
class PiiScanJobsTest extends IntegrationTest {

  @Test
  void aScanIsAcceptedWith202BeforeItRunsAndShowsItsProgressWhileItRuns() throws Exception {
    Tenant acme = newTenant("Acme");
    PiiScannerTest.plant(acme.api());
    String id;
    try (HeldTable held = HeldTable.hold("conversation_participants")) {
      Api.Response accepted = acme.api().post(SCANS, Map.of());

      // The answer came while the scan cannot have finished: the work happens after it.
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
      id = accepted.json().get("id").asText();
      assertThat(accepted.json().get("status").asText()).isEqualTo("QUEUED");
      assertThat(accepted.json().get("selfUri").asText()).isEqualTo(SCANS + "/" + id);
      assertThat(accepted.json().has("completedDate")).isFalse();

      JsonNode running = awaitProgress(acme.api(), id, 3);
      assertThat(running.get("status").asText()).isEqualTo("RUNNING");
      assertThat(running.get("progress").get("places").asInt()).isEqualTo(4);
      assertThat(running.get("progress").get("scanning").asText()).isEqualTo("conversations");
      assertThat(running.get("findingsCount").asInt()).as("the findings of the first three places, committed").isEqualTo(4);
      assertThat(acme.api().get(SCANS + "/" + id + "/findings").json().get("entities")).hasSize(4);
    }

    JsonNode done = awaitEnded(acme.api(), id);
    assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(done.get("findingsCount").asInt()).isEqualTo(5);
    assertThat(done.get("progress").get("placesScanned").asInt()).isEqualTo(4);
    assertThat(done.get("progress").has("scanning")).isFalse();
    assertThat(done.get("completedDate").asText()).isNotEmpty();
  }

  @Test
  void aSecondScanOfAnOrgWhileOneRunsIsRefusedWith409NamingItWhileAnotherOrgScansAtTheSameTime() throws Exception {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String acmeRun;
    String globexRun;
    try (HeldTable held = HeldTable.hold("conversation_participants")) {
      acmeRun = acme.api().post(SCANS, Map.of()).json().get("id").asText();
      awaitProgress(acme.api(), acmeRun, 3);

      Api.Response second = acme.api().post(SCANS, Map.of());
      assertThat(second.status()).as(second.toString()).isEqualTo(409);
      assertThat(second.json().get("code").asText()).isEqualTo("request.conflict");
      assertThat(second.json().get("message").asText()).contains(acmeRun);

      Api.Response other = globex.api().post(SCANS, Map.of());
      assertThat(other.status()).as("another org is not held up").isEqualTo(202);
      globexRun = other.json().get("id").asText();
    }

    assertThat(awaitEnded(acme.api(), acmeRun).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(awaitEnded(globex.api(), globexRun).get("status").asText()).isEqualTo("COMPLETED");
    assertThat(acme.api().get(SCANS).json().get("total").asInt()).isEqualTo(1);
    assertThat(scanned(acme.api()).get("status").asText()).as("once the first has ended").isEqualTo("COMPLETED");
  }

  @Test
  void concurrentScansOfOneOrgLetExactlyOneInAndRefuseTheRestWith409() throws Exception {
    Tenant acme = newTenant("Acme");
    int callers = 6; // within the rate limit (6 an hour), so that every refusal is the conflict
    List<Integer> statuses = new ArrayList<>();
    try (HeldTable held = HeldTable.hold("conversation_participants")) {
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return acme.api().post(SCANS, Map.of()).status();
          }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(statuses).as(statuses.toString()).containsOnly(202, 409);
      assertThat(statuses.stream().filter(s -> s == 202)).hasSize(1);
      assertThat(count("pii_scan_runs")).isEqualTo(1);
    }
    String run = jdbc.sql("select run_id::text from pii_scan_runs").query(String.class).single();
    assertThat(awaitEnded(acme.api(), run).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void scansOverTheRateLimitAreRefusedWith429AndRetryAfter() {
    Tenant acme = newTenant("Acme");
    for (int i = 1; i <= 6; i++) {
      assertThat(scanned(acme.api()).get("status").asText()).isEqualTo("COMPLETED");
    }

    Api.Response seventh = acme.api().post(SCANS, Map.of());

    assertThat(seventh.status()).as(seventh.toString()).isEqualTo(429);
    assertThat(seventh.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(Long.parseLong(seventh.header("Retry-After"))).isPositive();
    assertThat(count("pii_scan_runs")).isEqualTo(6);
  }
}

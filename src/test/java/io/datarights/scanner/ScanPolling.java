package io.datarights.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Queuing scans over the API and following them, with bounded deadlines. */
public final class ScanPolling {

  public static final String SCANS = "/api/v2/governance/pii-scans";

  private ScanPolling() {}

  /** Queues a scan (202) and follows it until it has ended. */
  public static JsonNode scanned(Api api) {
    Api.Response queued = api.post(SCANS, Map.of());
    assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
    return awaitEnded(api, queued.json().get("id").asText());
  }

  /** Polls a run until it is COMPLETED or FAILED. */
  public static JsonNode awaitEnded(Api api, String runId) {
    AtomicReference<JsonNode> run = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
      Api.Response response = api.get(SCANS + "/" + runId);
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      run.set(response.json());
      return List.of("COMPLETED", "FAILED").contains(response.json().get("status").asText());
    });
    return run.get();
  }

  /** Polls a run until it is RUNNING with at least {@code places} places scanned. */
  public static JsonNode awaitProgress(Api api, String runId, int places) {
    AtomicReference<JsonNode> run = new AtomicReference<>();
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
      run.set(api.get(SCANS + "/" + runId).json());
      return run.get().get("status").asText().equals("RUNNING") && run.get().get("progress").get("placesScanned").asInt() >= places;
    });
    return run.get();
  }
}

package io.datarights.reliability;

import static io.datarights.reliability.ReliabilityFixtures.id;
import static io.datarights.reliability.ReliabilityFixtures.newOrg;
import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 concurrent clients for 60 s on loopback, mixing subject searches, request creation and
 * polling, against a server with its real (Genesys-strict) rate limits. One tenant floods; the
 * other stays within its limits. Nothing fails but with 429s that carry correct headers, and the
 * flood never throttles the other tenant. Latencies are written to target/reliability/load.txt.
 * {@code -Dreliability.load.seconds} and {@code -Dreliability.load.clients} change the run.
 */
@Tag("slow")
class LoadTest {

  private static final int CLIENTS = Integer.getInteger("reliability.load.clients", 200);
  private static final int SECONDS = Integer.getInteger("reliability.load.seconds", 60);
  /** The calm tenant's clients; the rest flood. */
  private static final int CALM_CLIENTS = 10;

  @TempDir Path dataDir;

  private record Outcome(String tenant, String operation, int status, long micros) {}

  private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Map<String, LongAdder> badRateLimitHeaders = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  @Test
  void twoHundredClientsGetAnswersOr429sAndOneTenantsFloodNeverThrottlesAnother() throws Exception {
    Map<String, String> settings = ServerProcess.defaults();
    settings.keySet().removeIf(key -> key.startsWith("datarights.rate-limits"));
    settings.put("server.tomcat.threads.max", "200");
    try (ServerProcess server = ServerProcess.start("load", TestDatabase.newDatabase("load"), dataDir, settings)) {
      Api flood = newOrg(server, "flood").on(server);
      Api calm = newOrg(server, "calm").on(server);
      for (Api tenant : List.of(flood, calm)) {
        for (int i = 0; i < 20; i++) {
          id(tenant.post("/api/v2/externalcontacts/contacts",
              Map.of("firstName", "Load", "lastName", "Person" + i, "workEmail", "person" + i + "@example.com")));
        }
      }
      String floodRequest = id(flood.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT",
          "subject", Map.of("emailAddresses", List.of("person0@example.com")))));
      String calmRequest = id(calm.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT",
          "subject", Map.of("emailAddresses", List.of("person0@example.com")))));

      long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
      CountDownLatch done = new CountDownLatch(CLIENTS);
      AtomicLong calmCreations = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        boolean isCalm = c < CALM_CLIENTS;
        int client = c;
        Thread thread = new Thread(() -> {
          try {
            Random random = new Random(client);
            if (isCalm) {
              runCalm(calm, calmRequest, client, end, random, calmCreations);
            } else {
              runFlood(flood, floodRequest, end, random);
            }
          } catch (RuntimeException e) {
            failures.add(e.toString());
          } finally {
            done.countDown();
          }
        }, "load-client-" + c);
        threads.add(thread);
        thread.start();
      }
      done.await();

      String report = report();
      Files.createDirectories(Path.of("target", "reliability"));
      Files.writeString(Path.of("target", "reliability", "load.txt"), report);
      System.out.println(report);

      assertThat(failures).as("transport errors").isEmpty();
      assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 202, 429));
      assertThat(outcomes.stream().filter(o -> o.tenant().equals("calm") && o.status() == 429)).as("the calm tenant is never throttled").isEmpty();
      assertThat(outcomes.stream().filter(o -> o.tenant().equals("flood") && o.status() == 429)).as("the flood is throttled").isNotEmpty();
      assertThat(badRateLimitHeaders).as("429s without Retry-After, RateLimit-Policy and RateLimit").isEmpty();
    }
  }

  /** Within the Genesys limits (60 searches, 10 creations a minute): a search every 12 s per client, a creation each. */
  private void runCalm(Api api, String requestId, int client, long end, Random random, AtomicLong creations) {
    long nextSearch = System.nanoTime() + Duration.ofMillis(random.nextInt(12_000)).toNanos();
    boolean created = false;
    while (System.nanoTime() < end) {
      if (System.nanoTime() >= nextSearch) {
        call("calm", "search", () -> api.get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=person" + random.nextInt(20) + "@example.com"));
        nextSearch += Duration.ofSeconds(12).toNanos();
      } else if (!created && creations.incrementAndGet() <= 8) {
        call("calm", "create", () -> api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT",
            "subject", Map.of("emailAddresses", List.of("calm" + client + "@example.com")))));
        created = true;
      } else {
        call("calm", "poll", () -> api.get("/api/v2/gdpr/requests/" + requestId));
        sleep(200);
      }
    }
  }

  /** As fast as answers come: a search, a creation, a poll, again and again. */
  private void runFlood(Api api, String requestId, long end, Random random) {
    while (System.nanoTime() < end) {
      switch (random.nextInt(3)) {
        case 0 -> call("flood", "search", () -> api.get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=person" + random.nextInt(20) + "@example.com"));
        case 1 -> call("flood", "create", () -> api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT",
            "subject", Map.of("emailAddresses", List.of("flood" + random.nextInt(1000) + "@example.com")))));
        default -> call("flood", "poll", () -> api.get("/api/v2/gdpr/requests/" + requestId));
      }
    }
  }

  private void call(String tenant, String operation, java.util.function.Supplier<Api.Response> request) {
    long start = System.nanoTime();
    Api.Response response = request.get();
    long micros = (System.nanoTime() - start) / 1_000;
    outcomes.add(new Outcome(tenant, operation, response.status(), micros));
    if (response.status() == 429) {
      boolean headersRight = response.header("Retry-After") != null && Long.parseLong(response.header("Retry-After")) >= 1
          && response.header("RateLimit-Policy") != null && response.header("RateLimit") != null
          && response.text().contains("\"too.many.requests.retry.after\"");
      if (!headersRight) {
        badRateLimitHeaders.computeIfAbsent(operation, k -> new LongAdder()).increment();
      }
    }
  }

  private String report() {
    StringBuilder report = new StringBuilder();
    report.append(String.format("load: %d clients (%d calm, %d flooding) for %d s on loopback, %d requests answered, %d transport errors%n",
        CLIENTS, CALM_CLIENTS, CLIENTS - CALM_CLIENTS, SECONDS, outcomes.size(), failures.size()));
    report.append(String.format("%-6s %-7s %8s %8s %8s %8s %10s %10s %10s%n", "tenant", "op", "count", "2xx", "429", "other", "p50 ms", "p99 ms", "max ms"));
    for (String tenant : List.of("flood", "calm")) {
      for (String operation : List.of("search", "create", "poll")) {
        List<Outcome> group = outcomes.stream().filter(o -> o.tenant().equals(tenant) && o.operation().equals(operation)).toList();
        if (group.isEmpty()) {
          continue;
        }
        long[] micros = group.stream().mapToLong(Outcome::micros).sorted().toArray();
        report.append(String.format("%-6s %-7s %8d %8d %8d %8d %10.1f %10.1f %10.1f%n", tenant, operation, group.size(),
            group.stream().filter(o -> o.status() / 100 == 2).count(), group.stream().filter(o -> o.status() == 429).count(),
            group.stream().filter(o -> o.status() / 100 != 2 && o.status() != 429).count(),
            percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0, micros[micros.length - 1] / 1000.0));
      }
    }
    return report.toString();
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}

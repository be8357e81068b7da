package io.datarights.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.Multipart;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory while exporting a subject with large attachments: a server in its own JVM, capped at
 * {@code -Xmx256m}, exports a subject whose conversation holds 2 GB of files (25 MB each, random
 * bytes that do not compress), and the package is downloaded through its link. The server's heap
 * is sampled from {@code /actuator/prometheus} every 100 ms; the cap makes the bound hard (an
 * export that buffered would fail with OutOfMemoryError, and the request with it).
 *
 * <p>{@code ./mvnw test -Pbenchmark -Dtest=ExportHeapBenchmark [-Dbench.export.mb=2048]}; results
 * go to {@code target/benchmarks/export-heap.txt}. CI runs {@link SmallExportHeapTest}.
 */
@Tag("benchmark")
class ExportHeapBenchmark {

  static final String HEAP_CAP = "-Xmx256m";
  private static final int FILE_MB = 25;
  private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)$");

  @TempDir Path dataDir;

  @Test
  void exportingTwoGigabytesOfAttachmentsStaysInBoundedHeap() throws Exception {
    run(Integer.getInteger("bench.export.mb", 2048), dataDir);
  }

  record Result(long attachmentBytes, int files, double exportSeconds, long packageBytes, int packageFiles,
      double downloadSeconds, long idleHeap, long peakHeap) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT,
          "%d MB in %d files: export %.1f s, download %.1f s (%d MB, %d files in the package); heap idle %d MB, peak %d MB (cap %s)",
          attachmentBytes >> 20, files, exportSeconds, downloadSeconds, packageBytes >> 20, packageFiles,
          idleHeap >> 20, peakHeap >> 20, HEAP_CAP);
    }
  }

  static Result run(int megabytes, Path dataDir) throws Exception {
    String url = TestDatabase.newDatabase("export_heap");
    try (ServerProcess server = ServerProcess.start("export-heap", url, dataDir, ServerProcess.defaults(), List.of(HEAP_CAP))) {
      Api admin = server.admin();
      JsonNode created = admin.post("/api/v2/admin/organizations", Map.of("name", "heavy", "defaultRegion", "DE")).json();
      Api api = server.api().withToken(server.api().token(
          created.get("client").get("id").asText(), created.get("client").get("secret").asText()));

      String customer = "11111111-1111-4111-8111-111111111111";
      Api.Response conversation = api.post("/api/v2/conversations", Map.of(
          "mediaType", "email", "startTime", "2026-03-02T09:00:00Z",
          "participants", List.of(Map.of("id", customer, "purpose", "customer", "name", "Hanna Heavy", "address", "hanna.heavy@example.com"))));
      assertThat(conversation.status()).as(conversation.toString()).isEqualTo(201);
      String attachments = "/api/v2/conversations/" + conversation.json().get("id").asText() + "/attachments?participantId=" + customer;

      int files = Math.max(1, (megabytes + FILE_MB - 1) / FILE_MB);
      byte[] content = new byte[Math.min(megabytes, FILE_MB) << 20];
      Random random = new Random(7);
      long attachmentBytes = 0;
      for (int i = 0; i < files; i++) {
        random.nextBytes(content);
        Api.Response uploaded = Multipart.upload(api, attachments, "scan-" + i + ".bin", "application/octet-stream", content);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        attachmentBytes += content.length;
      }

      HeapSampler heap = new HeapSampler(server.port());
      long idle = heap.sample();
      heap.start();
      long started = System.nanoTime();
      String id = api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT",
          "subject", Map.of("emailAddresses", List.of("hanna.heavy@example.com")))).json().get("id").asText();
      JsonNode request = awaitFinished(api, id);
      double exportSeconds = ServiceBenchmark.seconds(started);
      assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("COMPLETED");

      started = System.nanoTime();
      String link = request.get("resultsUrl").asText();
      Package downloaded = download(server.port(), link.substring(link.indexOf("/api/v2")));
      double downloadSeconds = ServiceBenchmark.seconds(started);
      long peak = heap.stop();

      assertThat(server.isAlive()).as("the server survived the export under " + HEAP_CAP).isTrue();
      assertThat(downloaded.files()).as("every attachment is in the package").isGreaterThanOrEqualTo(files);
      assertThat(downloaded.bytes()).isGreaterThanOrEqualTo(attachmentBytes);
      Result result = new Result(attachmentBytes, files, exportSeconds, downloaded.bytes(), downloaded.files(), downloadSeconds, idle, peak);
      report(result);
      return result;
    }
  }

  private static JsonNode awaitFinished(Api api, String id) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
    while (Instant.now().isBefore(deadline)) {
      JsonNode request = api.get("/api/v2/gdpr/requests/" + id).json();
      if (List.of("COMPLETED", "ERROR").contains(request.get("status").asText())) {
        return request;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("export " + id + " did not finish in 30 minutes");
  }

  private record Package(long bytes, int files) {}

  /** Streams the ZIP through without keeping it: the uncompressed bytes and the number of files in it. */
  private static Package download(int port, String path) throws IOException, InterruptedException {
    HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    long bytes = 0;
    int files = 0;
    byte[] buffer = new byte[1 << 16];
    try (ZipInputStream zip = new ZipInputStream(response.body())) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().startsWith("files/") || entry.getName().contains("/files/")) {
          files++;
        }
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          bytes += n;
        }
      }
    }
    return new Package(bytes, files);
  }

  /** The server's heap in use (all heap pools), polled from its Prometheus endpoint; the highest value seen. */
  private static final class HeapSampler {
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRequest request;
    private final AtomicLong peak = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    HeapSampler(int port) {
      request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build();
    }

    long sample() throws IOException, InterruptedException {
      String metrics = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
      long used = 0;
      for (Matcher m = HEAP_USED.matcher(metrics); m.find(); ) {
        used += (long) Double.parseDouble(m.group(1));
      }
      return used;
    }

    void start() {
      running.set(true);
      thread = new Thread(() -> {
        while (running.get()) {
          try {
            peak.accumulateAndGet(sample(), Math::max);
            Thread.sleep(100);
          } catch (IOException e) {
            // a sample missed; the next one counts
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    long stop() throws InterruptedException {
      running.set(false);
      thread.join();
      return peak.get();
    }
  }

  private static void report(Result result) throws IOException {
    String line = String.format(Locale.ROOT, "%s  %s; %d cores, Java %s%n", Instant.now(), result,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.print("BENCH export-heap " + line);
    Path file = Path.of("target", "benchmarks", "export-heap.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 200 MB bodies, generated on the fly and never held by the test: JSON and multipart uploads,
 * chunked and with a declared length, with and without a token. Each is refused (413, or 401
 * before anything is read) while the server's heap grows by less than 64 MB and its HTTP threads
 * allocate less than 64 MB; a declared length over the limit is refused before the body is read.
 * The server runs in this JVM, so its heap is measured directly: the peak of heap use sampled every
 * millisecond against the use after a full GC, and the bytes allocated by Tomcat's threads.
 */
class HugeBodiesTest extends HostileInputTest {

  private static final long MB = 1024 * 1024;
  private static final long SIZE = 200 * MB;
  private static final long MAX_GROWTH = 64 * MB;

  record Measured(String what, int status, long bytesTaken, long heapGrowth, long httpAllocated) {}

  @Test
  void twoHundredMegabyteBodiesAreRefusedWithBoundedMemory() {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    String conversation = acme.api().post("/api/v2/conversations", HostileWorld.json(HostileWorld.CONVERSATION)).json().get("id").asText();
    String attachments = "/api/v2/conversations/" + conversation + "/attachments";
    TableCounts tables = new TableCounts(jdbc);
    Map<String, Long> before = tables.snapshot();
    Map<String, String> json = Map.of("Authorization", "Bearer " + probe.token(), "Content-Type", "application/json");
    List<Measured> results = new ArrayList<>();

    results.add(measure("JSON, chunked", () -> RawHttp.exchange(port, "POST", "/api/v2/flows", json, HugeBodiesTest::hugeJson, -1)));
    results.add(measure("JSON, Content-Length 200 MB", () -> RawHttp.exchange(port, "POST", "/api/v2/flows", json, HugeBodiesTest::hugeJson, SIZE)));
    results.add(measure("JSON, chunked, no token", () ->
        RawHttp.exchange(port, "POST", "/api/v2/flows", Map.of("Content-Type", "application/json"), HugeBodiesTest::hugeJson, -1)));
    results.add(measure("form, chunked, token endpoint", () ->
        RawHttp.exchange(port, "POST", "/oauth/token", Map.of("Content-Type", "application/x-www-form-urlencoded",
            "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((acme.clientId() + ":" + acme.clientSecret()).getBytes(StandardCharsets.UTF_8))),
            out -> {
              out.write("grant_type=client_credentials&x=".getBytes(StandardCharsets.US_ASCII));
              writeRepeated(out, SIZE, (byte) 'a');
            }, -1)));
    results.add(measure("multipart upload, chunked", () -> HostileUploadsTest.streamedUpload(probe, attachments, SIZE, false)));
    results.add(measure("multipart upload, Content-Length 200 MB", () -> HostileUploadsTest.streamedUpload(probe, attachments, SIZE, true)));
    results.add(measure("CSV import, chunked", () -> HostileUploadsTest.streamedUpload(probe, "/api/v2/outbound/contactlists/"
        + java.util.UUID.randomUUID() + "/contacts/import", SIZE, false)));

    StringBuilder figures = new StringBuilder("== huge-bodies\n");
    for (Measured m : results) {
      figures.append(String.format("%-40s -> %d, body taken %,d KB, heap growth %,d KB, HTTP threads allocated %,d KB%n",
          m.what(), m.status(), m.bytesTaken() / 1024, m.heapGrowth() / 1024, m.httpAllocated() / 1024));
    }
    long maxGrowth = results.stream().mapToLong(Measured::heapGrowth).max().orElse(0);
    figures.append("max heap growth: ").append(maxGrowth / MB).append(" MB\n");
    publish(figures.toString());

    assertThat(TableCounts.changes(before, tables.snapshot())).isEmpty();
    for (Measured m : results) {
      assertThat(m.status()).as(m.what()).isIn(401, 413);
      assertThat(m.heapGrowth()).as(m.what() + ": heap growth").isLessThan(MAX_GROWTH);
      assertThat(m.httpAllocated()).as(m.what() + ": allocated by the HTTP threads").isLessThan(MAX_GROWTH);
      if (m.what().contains("Content-Length") || m.what().startsWith("JSON")) {
        assertThat(m.bytesTaken()).as(m.what() + ": refused before the body was read").isLessThan(32 * MB);
      }
    }
  }

  /** {"name": "AAAA…"} of 200 MB. */
  private static void hugeJson(java.io.OutputStream out) throws java.io.IOException {
    out.write("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
    writeRepeated(out, SIZE - 12, (byte) 'A');
    out.write("\"}".getBytes(StandardCharsets.US_ASCII));
  }

  private static void writeRepeated(java.io.OutputStream out, long size, byte value) throws java.io.IOException {
    byte[] chunk = new byte[64 * 1024];
    java.util.Arrays.fill(chunk, value);
    for (long left = size; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  private Measured measure(String what, java.util.function.Supplier<RawHttp.Exchange> exchange) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    long baseline = memory.getHeapMemoryUsage().getUsed();
    long allocatedBefore = httpThreadAllocation();
    long[] peak = {baseline};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    RawHttp.Exchange result = exchange.get();
    sampler.interrupt();
    try {
      sampler.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    HttpResponse<byte[]> response = result.response();
    assertThat(ApiContract.violations(response)).as(what).isEmpty();
    return new Measured(what, response.statusCode(), result.bytesWritten(), peak[0] - baseline, httpThreadAllocation() - allocatedBefore);
  }

  /** Bytes allocated so far by Tomcat's threads (acceptor, poller, request workers). */
  private static long httpThreadAllocation() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("http-nio") || t.getName().contains("-exec-"))
        .mapToLong(Thread::getId)
        .toArray();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(ids)) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  private static void publish(String figures) {
    System.out.println(figures);
    try {
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reliability"));
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "reliability", "huge-bodies.txt"), figures);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

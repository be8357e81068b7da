package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 200 MB bodies, generated on the fly and never held by the test: JSON and multipart uploads,
 * chunked and with a declared length, with and without a token. Each is refused (413, or 401
 * before anything is read) while the threads that serve it allocate less than 64 MB, so the body
 * was never held in memory (a thread that held it would allocate at least its 200 MB); a declared
 * length over the limit is refused before the body is read.
 *
 * <p>The server runs in this JVM, so what its HTTP threads allocate is counted exactly, thread by
 * thread (com.sun.management.ThreadMXBean), unaffected by what the rest of the JVM does or by when
 * the garbage collector runs. A body under the limit, which the server does read, shows that the
 * count sees the reading: it allocates at least the body's size.
 */
class HugeBodiesTest extends HostileInputTest {

  private static final long MB = 1024 * 1024;
  private static final long SIZE = 200 * MB;
  private static final long MAX_ALLOCATED = 64 * MB;
  private static final long READ_BODY = 900 * 1024;

  record Measured(String what, int status, long bytesTaken, long httpAllocated) {}

  @Test
  void twoHundredMegabyteBodiesAreRefusedWithBoundedMemory() {
    Tenant acme = newTenant("Acme");
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    String conversation = acme.api().post("/api/v2/conversations", HostileWorld.json(HostileWorld.CONVERSATION)).json().get("id").asText();
    String attachments = "/api/v2/conversations/" + conversation + "/attachments";
    TableCounts tables = new TableCounts(jdbc);
    Map<String, String> json = Map.of("Authorization", "Bearer " + probe.token(), "Content-Type", "application/json");
    List<Measured> results = new ArrayList<>();

    // A JSON body under the 1 MB limit is parsed, so the threads that serve it allocate at least its size.
    Measured read = measure("JSON of 900 KB, read", () -> RawHttp.exchange(port, "POST", "/api/v2/flows", json,
        out -> {
          out.write("{\"name\": \"".getBytes(StandardCharsets.US_ASCII));
          writeRepeated(out, READ_BODY, (byte) 'A');
          out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }, READ_BODY + 12));
    assertThat(read.httpAllocated()).as("the count sees a body the server reads").isGreaterThanOrEqualTo(READ_BODY);
    Map<String, Long> before = tables.snapshot();

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
    figures.append(String.format("%-40s -> %d, HTTP threads allocated %,d KB%n", read.what(), read.status(), read.httpAllocated() / 1024));
    for (Measured m : results) {
      figures.append(String.format("%-40s -> %d, body taken %,d KB, HTTP threads allocated %,d KB%n",
          m.what(), m.status(), m.bytesTaken() / 1024, m.httpAllocated() / 1024));
    }
    long most = results.stream().mapToLong(Measured::httpAllocated).max().orElse(0);
    figures.append("most allocated by the HTTP threads for one 200 MB body: ").append(most / 1024).append(" KB\n");
    publish(figures.toString());

    assertThat(TableCounts.changes(before, tables.snapshot())).isEmpty();
    for (Measured m : results) {
      assertThat(m.httpAllocated()).as(m.what() + ": allocated by the HTTP threads").isLessThan(MAX_ALLOCATED);
      assertThat(m.status()).as(m.what()).isIn(401, 413);
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
    Map<Long, Long> before = httpThreadAllocation();
    RawHttp.Exchange result = exchange.get();
    long allocated = allocatedSince(before);
    HttpResponse<byte[]> response = result.response();
    assertThat(ApiContract.violations(response)).as(what).isEmpty();
    return new Measured(what, response.statusCode(), result.bytesWritten(), allocated);
  }

  /**
   * Bytes allocated so far by each of Tomcat's threads (acceptor, poller, workers: "http-nio-auto-1-exec-3"
   * on a random port), by thread id. The test JVM runs one Tomcat.
   */
  private static Map<Long, Long> httpThreadAllocation() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("http-nio-"))
        .mapToLong(Thread::getId)
        .toArray();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> allocation = new java.util.HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        allocation.put(ids[i], bytes[i]);
      }
    }
    return allocation;
  }

  /** What those threads allocated since {@code before}; a thread started since then counts from zero. */
  private static long allocatedSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> thread : httpThreadAllocation().entrySet()) {
      total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
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

package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.database.DatabaseProperties;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Attachments and recordings with hostile file names (path traversal, absolute and Windows paths,
 * NUL, CR/LF, 10 KB, RTL override, quotes), hostile content types, kinds and participants, and
 * bodies over the attachment limit (25 MB) and the upload limit (100 MB, streamed so that it is
 * never held). Never a 5xx; no file is ever written outside {@code <data-dir>/blobs} and no
 * temporary file is left behind; a download is always an attachment with a safe file name.
 */
class HostileUploadsTest extends HostileInputTest {

  private static final Pattern BLOB = Pattern.compile("[a-z][a-z0-9-]{0,31}_[0-9a-f]{32}");
  private static final Pattern SAFE_DISPOSITION =
      Pattern.compile("attachment; filename=\"[\\p{L}\\p{N}._()+ -]{1,150}\"|attachment; filename=\"[^\"\\\\/\\r\\n]*\"; filename\\*=UTF-8''[A-Za-z0-9%._()+-]{1,1500}");

  @Autowired DatabaseProperties.DataDir dataDir;
  @Autowired ServletContext servletContext;

  private String marker;

  @Test
  void hostileUploadsNeverCauseA5xxNeverWriteOutsideTheBlobStoreAndDownloadUnderASafeName() throws IOException {
    long seed = seed();
    Random random = random("HostileUploadsTest", seed);
    marker = "hostile-" + Long.toHexString(seed);
    Tenant acme = newTenant("Acme");
    HostileWorld world = new HostileWorld(acme, newTenant("Globex"));
    TableCounts tables = new TableCounts(jdbc);
    tables.awaitQuiet();
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    Figures figures = new Figures("hostile-uploads");
    figures.note("seed: " + seed);
    String path = "/api/v2/conversations/" + world.ids.get("conversationId") + "/attachments";
    Path tempDir = tomcatTempDir();
    Set<String> blobsBefore = files(blobsDir());
    List<String> strayFiles = new ArrayList<>();
    int tries = tries(2_500) / 5;
    long start = System.nanoTime();

    for (int i = 0; i < tries; i++) {
      String fileName = fileName(random, i);
      String contentType = HostileValues.pick(random, CONTENT_TYPES);
      byte[] content = content(random);
      String query = query(random, world);
      Set<String> dataBefore = files(dataDir.dataDir());
      String description = "upload " + BodyMutations.preview(fileName.getBytes(StandardCharsets.UTF_8)) + " as "
          + BodyMutations.preview(contentType.getBytes(StandardCharsets.UTF_8)) + " (" + content.length + " bytes)" + query;
      HttpResponse<byte[]> response =
          attempt(figures, tables, "UPLOAD", description, () -> upload(probe, path + query, fileName, contentType, content));
      for (String added : difference(files(dataDir.dataDir()), dataBefore)) {
        if (!isBlob(added)) {
          strayFiles.add(added + " after " + description);
        }
      }
      for (String left : filesLeft(tempDir)) {
        strayFiles.add("temporary " + left + " after " + description);
      }
      if (response != null && response.statusCode() == 201) {
        // A CR/LF in the name ends the part's headers early: what follows is content, as multipart has it.
        boolean headersCut = fileName.contains("\r") || fileName.contains("\n") || contentType.contains("\r");
        checkDownload(figures, probe, response, headersCut ? null : content, description);
      }
    }
    for (String found : filesNamed(marker, Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath())) {
      strayFiles.add("a traversal target exists: " + found);
    }

    figures.note("uploads: " + tries + ", blobs stored: " + difference(files(blobsDir()), blobsBefore).size() + ", stray files: "
        + strayFiles.size() + ", in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    String report = figures.publish();
    assertThat(strayFiles).as("files outside <data-dir>/blobs or left in Tomcat's temporary directory").isEmpty();
    assertThat(figures.failures()).as(report).isEmpty();
  }

  @Test
  void uploadsOverTheAttachmentAndUploadLimitsAre413AndLeaveNoFileBehind() throws IOException {
    Tenant acme = newTenant("Acme");
    HostileWorld world = new HostileWorld(acme, newTenant("Globex"));
    TableCounts tables = new TableCounts(jdbc);
    tables.awaitQuiet();
    Probe probe = Probe.as(port, anonymous(), acme.clientId(), acme.clientSecret());
    String path = "/api/v2/conversations/" + world.ids.get("conversationId") + "/attachments";
    Set<String> dataBefore = files(dataDir.dataDir());
    Map<String, Long> before = tables.snapshot();

    // 26 MB: within the 100 MB upload limit, over the 25 MB attachment limit.
    HttpResponse<byte[]> overAttachment = upload(probe, path, "big.bin", "application/octet-stream", new byte[26 * 1024 * 1024]);
    // 150 MB, streamed chunked (no Content-Length): the multipart parser stops at 100 MB.
    RawHttp.Exchange overUpload = streamedUpload(probe, path, 150L * 1024 * 1024, false);
    // 200 MB declared: refused before a byte of the body is read.
    RawHttp.Exchange declared = streamedUpload(probe, path, 200L * 1024 * 1024, true);

    for (HttpResponse<byte[]> response : List.of(overAttachment, overUpload.response(), declared.response())) {
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(ApiContract.violations(response)).isEmpty();
      assertThat(HostileWorld.json(new String(response.body(), StandardCharsets.UTF_8)).get("code").asText()).isEqualTo("request.entity.too.large");
    }
    assertThat(declared.bytesWritten()).as("body bytes the server took before refusing a declared 200 MB").isLessThan(16L * 1024 * 1024);
    assertThat(TableCounts.changes(before, tables.snapshot())).isEmpty();
    assertThat(difference(files(dataDir.dataDir()), dataBefore)).isEmpty();
    assertThat(filesLeft(tomcatTempDir())).isEmpty();
    System.out.println("HostileUploadsTest: a chunked 150 MB upload was refused after " + overUpload.bytesWritten() / (1024 * 1024)
        + " MB; a declared 200 MB one after " + declared.bytesWritten() / 1024 + " KB");
  }

  private static final List<String> CONTENT_TYPES =
      List.of("text/plain", "text/html", "image/svg+xml", "application/x-msdownload", "application/octet-stream", "audio/wav", "*/*",
          "text/*", "@@@", "", "text/plain; charset=no-such-charset", "text/plain; charset=\"", "application/json; boundary=x",
          "image/png\r\nX-Injected: 1", "x/" + "y".repeat(5_000), "text/html; charset=utf-8; name=\"../../x\"");

  private String fileName(Random random, int i) {
    String target = marker + "-" + i + ".txt";
    List<String> names = List.of(
        "../../" + target, "../../../../../../tmp/" + target, "/tmp/" + target, "/etc/passwd", "C:\\Windows\\" + target,
        "..\\..\\" + target, "....//....//" + target, "%2e%2e%2f%2e%2e%2f" + target, "..%c0%af" + target, "x\u0000.txt" + target,
        "a\r\nContent-Type: text/html\r\n\r\n" + target, "\u202Egnp." + target + ".exe", "\"quoted\";x=\"" + target, "", ".", "..",
        ".htaccess", "CON", "n" + "a".repeat(10_000) + target, "\uD83D\uDE00 " + target, "Rechnung März " + target,
        "name\u0001\u001F\u007F" + target, "~/.ssh/" + target, "./" + target, "x/../../" + target, "\\\\server\\share\\" + target,
        HostileValues.pick(random, HostileValues.STRINGS));
    return HostileValues.pick(random, names);
  }

  private static byte[] content(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> new byte[0];
      case 1 -> "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
      case 2 -> "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFE};
      default -> {
        byte[] bytes = new byte[random.nextInt(64 * 1024)];
        random.nextBytes(bytes);
        yield bytes;
      }
    };
  }

  private static String query(Random random, HostileWorld world) {
    return switch (random.nextInt(8)) {
      case 0 -> "?kind=recording";
      case 1 -> "?kind=" + HostileValues.pick(random, List.of("selfie", "%00", "..%2F..%2Fx", "ATTACHMENT", "x".repeat(3_000)));
      case 2 -> "?participantId=" + world.ids.get("participantId");
      case 3 -> "?participantId=" + HostileValues.pick(random, List.of("not-a-uuid", "%00", world.foreignIds.get("userId"),
          "33333333-3333-4333-8333-333333333333"));
      default -> "";
    };
  }

  /** A multipart body built by hand, so that file names may carry any bytes (the name is sent as UTF-8). */
  private static HttpResponse<byte[]> upload(Probe probe, String path, String fileName, String contentType, byte[] content) {
    String boundary = "----hostile" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 16_384);
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(fileName.replace("\\", "\\\\").replace("\"", "\\\"").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return probe.send("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** An upload of {@code size} bytes generated on the fly: never held by the test, whatever the server does. */
  static RawHttp.Exchange streamedUpload(Probe probe, String path, long size, boolean declareLength) {
    String boundary = "----streamed" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.bin\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    long total = head.length + size + tail.length;
    return RawHttp.exchange(probe.port(), "POST", path,
        Map.of("Authorization", "Bearer " + probe.token(), "Content-Type", "multipart/form-data; boundary=" + boundary),
        out -> {
          out.write(head);
          writeZeros(out, size);
          out.write(tail);
        },
        declareLength ? total : -1);
  }

  static void writeZeros(OutputStream out, long size) throws IOException {
    byte[] chunk = new byte[64 * 1024];
    for (long left = size; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  private void checkDownload(Figures figures, Probe probe, HttpResponse<byte[]> created, byte[] content, String description) {
    JsonNode attachment = HostileWorld.json(new String(created.body(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> download = probe.get(attachment.get("contentUri").asText());
    List<String> problems = new ArrayList<>(ApiContract.violations(download));
    String disposition = download.headers().firstValue("Content-Disposition").orElse("");
    if (download.statusCode() != 200) {
      problems.add("download answered " + download.statusCode());
    }
    if (!SAFE_DISPOSITION.matcher(disposition).matches()) {
      problems.add("unsafe Content-Disposition: " + disposition);
    }
    if (!download.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")) {
      problems.add("no X-Content-Type-Options: nosniff");
    }
    if (download.headers().allValues("X-Injected").size() > 0) {
      problems.add("a header was injected through the upload");
    }
    if (content != null && !Arrays.equals(download.body(), content)) {
      problems.add("content differs from the upload");
    }
    figures.record("DOWNLOAD", download.statusCode(), problems, description);
  }

  private Path blobsDir() {
    return dataDir.dataDir().resolve("blobs");
  }

  private boolean isBlob(String relative) {
    Path path = Path.of(relative);
    return path.getNameCount() == 3 && path.getName(0).toString().equals("blobs") && BLOB.matcher(path.getFileName().toString()).matches();
  }

  private Path tomcatTempDir() {
    return ((File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
  }

  /** Regular files under a directory, relative to it (the embedded database's files left out). */
  private static Set<String> files(Path root) {
    Set<String> found = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).filter(p -> !p.startsWith("pg")).forEach(found::add);
    } catch (IOException | UncheckedIOException e) {
      // A file vanished while walking (a blob deleted, a temporary file cleaned up): walk again next time.
    }
    return found;
  }

  /** Files still there once the container has had a moment to clean up after the answer (it may do so after sending it). */
  private static Set<String> filesLeft(Path dir) {
    try {
      org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(10))
          .atMost(java.time.Duration.ofSeconds(5)).until(() -> files(dir).isEmpty());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // reported by the caller
    }
    return files(dir);
  }

  private static Set<String> difference(Set<String> after, Set<String> before) {
    Set<String> added = new TreeSet<>(after);
    added.removeAll(before);
    return added;
  }

  /** Files whose name holds the marker, anywhere below the given directories (a few levels deep). */
  private static List<String> filesNamed(String marker, Path... roots) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path root : roots) {
      Files.walkFileTree(root, Set.of(), 6, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (file.getFileName().toString().contains(marker)) {
            found.add(file.toString());
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    }
    return found;
  }
}

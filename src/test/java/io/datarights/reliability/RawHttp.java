package io.datarights.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * HTTP/1.1 over a plain socket, for what {@code java.net.http} refuses to send: a request target
 * with malformed percent-escapes or raw bytes, a body streamed from a generator without ever
 * being held, a Content-Length that lies. Answers are read until the server closes.
 */
final class RawHttp {

  private RawHttp() {}

  /** Writes the body while the answer is read, so that an early answer (413) is seen as it comes. */
  interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** The answer, and how many body bytes the server let the client write before it answered or closed. */
  record Exchange(HttpResponse<byte[]> response, long bytesWritten) {}

  static HttpResponse<byte[]> send(int port, String method, String target, Map<String, String> headers, byte[] body) {
    return exchange(port, method, target, headers, body == null ? null : out -> out.write(body), body == null ? -1 : body.length)
        .response();
  }

  /**
   * @param contentLength the Content-Length to declare; -1 sends the body chunked (or none if the writer is null)
   */
  static Exchange exchange(int port, String method, String target, Map<String, String> headers, BodyWriter body, long contentLength) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      boolean chunked = body != null && contentLength < 0;
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (body != null) {
        head.append("Content-Length: ").append(contentLength).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      Counting counting = new Counting(out, chunked);
      Thread writer = null;
      if (body != null) {
        writer = new Thread(() -> {
          try {
            body.writeTo(counting);
            counting.finish();
          } catch (IOException e) {
            // The server stopped reading and closed: exactly what a refusal looks like.
          }
        }, "raw-http-body");
        writer.setDaemon(true);
        writer.start();
      }
      byte[] answer = readUntilClosed(socket.getInputStream());
      socket.close();
      if (writer != null) {
        writer.join(10_000);
      }
      return new Exchange(parse(answer, method, target, port), counting.count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What arrived before the server closed; a reset after an early answer keeps that answer. */
  private static byte[] readUntilClosed(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        answer.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      if (answer.size() == 0) {
        throw e;
      }
    }
    return answer.toByteArray();
  }

  private static final class Counting extends OutputStream {
    private final OutputStream out;
    private final boolean chunked;
    volatile long count;

    Counting(OutputStream out, boolean chunked) {
      this.out = out;
      this.chunked = chunked;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (length == 0) {
        return;
      }
      if (chunked) {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      out.write(bytes, offset, length);
      if (chunked) {
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      count += length;
    }

    void finish() throws IOException {
      if (chunked) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.flush();
    }
  }

  private static HttpResponse<byte[]> parse(byte[] answer, String method, String target, int port) throws IOException {
    int end = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (end < 0) {
      throw new IOException("no complete answer (" + answer.length + " bytes)");
    }
    String[] lines = new String(answer, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
    if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
      body = dechunk(body);
    }
    return new Raw(status, HttpHeaders.of(headers, (a, b) -> true), body, method, target, port);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
      at += lineEnd + 2;
      if (size == 0) {
        break;
      }
      out.write(chunked, at, Math.min(size, chunked.length - at));
      at += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private record Raw(int statusCode, HttpHeaders headers, byte[] body, String method, String target, int port)
      implements HttpResponse<byte[]> {
    @Override
    public HttpRequest request() {
      return HttpRequest.newBuilder(uri()).method(method, HttpRequest.BodyPublishers.noBody()).build();
    }

    @Override
    public Optional<HttpResponse<byte[]>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      try {
        return URI.create("http://localhost:" + port + target);
      } catch (IllegalArgumentException e) {
        return URI.create("http://localhost:" + port + "/");
      }
    }

    @Override
    public HttpClient.Version version() {
      return HttpClient.Version.HTTP_1_1;
    }
  }
}

package io.datarights.recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A recipient's endpoint on loopback, as a receiver would write one (the check the README
 * documents): it recomputes HMAC-SHA256 over {@code <timestamp>.<body>} with the shared secret,
 * compares it in constant time, refuses a timestamp more than 5 minutes from its own clock, and
 * processes each delivery id once (a repeat is answered 2xx and ignored). It can be told to fail
 * the next calls with 500.
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** One call as it arrived, and what the receiver answered. */
  record Call(String path, Map<String, String> headers, byte[] body, boolean signatureValid, int answered) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private volatile String secret;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();

  private WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  static WebhookReceiver start() {
    try {
      return new WebhookReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The secret the receiver checks signatures with (the one its recipient was registered with). */
  void expectSecret(String secret) {
    this.secret = secret;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next {@code n} calls are answered 500, as by a receiver that is down. */
  void failNext(int n) {
    failuresLeft.set(n);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> callsTo(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  /** How often the receiver processed (2xx, valid signature, first time) the notification with this delivery id. */
  int acceptedCount(String deliveryId) {
    AtomicInteger count = accepted.get(deliveryId);
    return count == null ? 0 : count.get();
  }

  int acceptedTotal() {
    return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Calls with a valid signature whose delivery id had been processed already: answered 2xx, ignored. */
  int duplicatesIgnored() {
    return duplicates.get();
  }

  /** Sends a call again, as an attacker who captured it would, with the given headers replaced; returns the answer's status. */
  int replay(Call call, Map<String, String> changedHeaders) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(call.path()))).POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
      for (String name : List.of("Content-Type", "X-Datarights-Signature", "X-Datarights-Timestamp", "X-Datarights-Delivery")) {
        String value = changedHeaders.getOrDefault(name, call.header(name));
        if (value != null) {
          request.header(name, value);
        }
      }
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new ConcurrentHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      boolean valid =
          secret != null
              && verify(secret, headers.get("x-datarights-signature"), headers.get("x-datarights-timestamp"), body, Instant.now());
      String deliveryId = headers.get("x-datarights-delivery");
      int status;
      if (!valid) {
        status = 401;
      } else if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        status = 500;
      } else if (deliveryId != null && accepted.containsKey(deliveryId)) {
        status = 204;
        duplicates.incrementAndGet();
      } else {
        status = 204;
        accepted.computeIfAbsent(deliveryId, id -> new AtomicInteger()).incrementAndGet();
      }
      calls.add(new Call(exchange.getRequestURI().getPath(), headers, body, valid, status));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  /**
   * The receiver's check: the signature is HMAC-SHA256 of {@code <timestamp>.<body>}, compared in
   * constant time, and the timestamp is within {@link #TOLERANCE} of the receiver's clock.
   */
  static boolean verify(String secret, String signature, String timestamp, byte[] body, Instant now) {
    if (signature == null || timestamp == null || !signature.startsWith("sha256=")) {
      return false;
    }
    try {
      long seconds = Long.parseLong(timestamp);
      if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException e) {
      return false;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a sender with the secret puts in {@code X-Datarights-Signature} for this timestamp and body. */
  static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor.isShutdown()) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
  }
}

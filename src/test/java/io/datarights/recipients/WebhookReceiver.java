package io.datarights.recipients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * A recipient's endpoint on loopback, as a receiver would write one: it checks the signature with
 * the shared secret, can be told to fail the next calls with 500, and counts what it accepted per
 * delivery id (which is how a receiver dedupes).
 */
final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /** How often the receiver accepted (2xx, valid signature) the notification with this delivery id. */
  int acceptedCount(String deliveryId) {
    AtomicInteger count = accepted.get(deliveryId);
    return count == null ? 0 : count.get();
  }

  int acceptedTotal() {
    return accepted.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new ConcurrentHashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      boolean valid = signatureMatches(headers.get("x-datarights-signature"), body);
      int status;
      if (!valid) {
        status = 401;
      } else if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
        status = 500;
      } else {
        status = 204;
        accepted.computeIfAbsent(headers.get("x-datarights-delivery"), id -> new AtomicInteger()).incrementAndGet();
      }
      calls.add(new Call(exchange.getRequestURI().getPath(), headers, body, valid, status));
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private boolean signatureMatches(String header, byte[] body) {
    if (secret == null || header == null || !header.startsWith("sha256=")) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal(body);
      byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
      return MessageDigest.isEqual(expected, given);
    } catch (IllegalArgumentException e) {
      return false;
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

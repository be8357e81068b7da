package io.datarights.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for tests: real requests over loopback, JSON answers as trees. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final HttpClient http;
  private final String base;
  private final String authorization;

  private Api(HttpClient http, String base, String authorization) {
    this.http = http;
    this.base = base;
    this.authorization = authorization;
  }

  public static Api at(int port) {
    return new Api(HTTP, "http://localhost:" + port, null);
  }

  /** A server at another base, e.g. {@code https://api.datarights.test:8443}, through the given client. */
  public static Api at(String base, HttpClient http) {
    return new Api(http, base, null);
  }

  public Api withToken(String token) {
    return new Api(http, base, "Bearer " + token);
  }

  public Api withoutAuth() {
    return new Api(http, base, null);
  }

  public record Response(int status, HttpResponse<byte[]> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + text(), e);
      }
    }

    public String text() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + text();
    }
  }

  /** A token from {@code /oauth/token} for the given client credentials. */
  public String token(String clientId, String secret) {
    Response r = tokenResponse(clientId, secret, "grant_type=client_credentials");
    if (r.status() != 200) {
      throw new AssertionError("token request failed: " + r);
    }
    return r.json().get("access_token").asText();
  }

  public Response tokenResponse(String clientId, String secret, String form) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return sendJson("POST", path, body);
  }

  /** A JSON POST with extra headers, such as {@code Idempotency-Key}. */
  public Response post(String path, Object body, java.util.Map<String, String> headers) {
    try {
      byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
      HttpRequest.Builder builder = request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
      headers.forEach(builder::header);
      return send(builder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response put(String path, Object body) {
    return sendJson("PUT", path, body);
  }

  public Response patch(String path, Object body) {
    return sendJson("PATCH", path, body);
  }

  /** Sends a raw body with the given content type (for malformed input and other media types). */
  public Response send(String method, String path, String contentType, byte[] body) {
    return send(
        request(path).header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Response sendJson(String method, String path, Object body) {
    try {
      byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
      return send(method, path, "application/json", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package io.datarights.reliability;

import io.datarights.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests exactly as given: any method, any body bytes, any content type or none, any
 * (already encoded) path and query. The test support's {@code Api} always sets a content type.
 */
final class Probe {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final int port;
  private final String token;

  Probe(int port, String token) {
    this.port = port;
    this.token = token;
  }

  int port() {
    return port;
  }

  String token() {
    return token;
  }

  static Probe as(int port, Api anonymous, String clientId, String secret) {
    return new Probe(port, anonymous.token(clientId, secret));
  }

  /** @param contentType null sends none */
  HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body) {
    return send(method, pathAndQuery, contentType, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
  }

  /** With exactly these headers besides the content type (no bearer token unless among them). */
  HttpResponse<byte[]> send(String method, String pathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
    URI uri;
    try {
      uri = URI.create("http://localhost:" + port + pathAndQuery);
    } catch (IllegalArgumentException e) {
      // Malformed percent-escapes and the like: sent as they are over a plain socket.
      Map<String, String> all = new java.util.LinkedHashMap<>(headers);
      if (contentType != null) {
        all.put("Content-Type", contentType);
      }
      return RawHttp.send(port, method, pathAndQuery, all, body);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }
}

package io.datarights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** The HTTP API of a running server, with a client-credentials token; errors become one line. */
final class ServerClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  private ServerClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  static ServerClient connect(String base, String clientId, String secret) {
    ServerClient anonymous = new ServerClient(base.replaceAll("/+$", ""), null);
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(anonymous.base + "/oauth/token"))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    JsonNode answer = anonymous.send(request);
    return new ServerClient(anonymous.base, answer.get("access_token").asText());
  }

  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  JsonNode post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
    } catch (IOException e) {
      throw new CliException(e.getMessage());
    }
  }

  /**
   * Uploads a file as the multipart field {@code file}, streamed from disk (a file of 100,000
   * subjects is never held in memory whole).
   */
  JsonNode postFile(String path, Path file, String contentType) {
    String boundary = "----datarights-cli-" + java.util.UUID.randomUUID();
    String head =
        "--" + boundary + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName().toString().replace("\"", "") + "\"\r\n"
            + "Content-Type: " + contentType + "\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    try {
      HttpRequest.BodyPublisher body =
          HttpRequest.BodyPublishers.concat(
              HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
              HttpRequest.BodyPublishers.ofFile(file),
              HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
      return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
    } catch (java.io.FileNotFoundException e) {
      throw new CliException("cannot read " + file);
    }
  }

  /** Downloads a URL of the server (a signed link needs no token) into a file. */
  long download(String url, Path target) {
    try {
      HttpResponse<Path> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
      if (response.statusCode() != 200) {
        java.nio.file.Files.deleteIfExists(target);
        throw new CliException("download failed with HTTP " + response.statusCode() + " (the link may have expired)");
      }
      return java.nio.file.Files.size(target);
    } catch (IOException e) {
      throw new CliException("download failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  String absolute(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
      if (response.statusCode() >= 400) {
        String fields = body.path("details").findValuesAsText("fieldName").stream().reduce((a, b) -> a + ", " + b).map(f -> " [" + f + "]").orElse("");
        throw new CliException("HTTP " + response.statusCode() + " " + body.path("code").asText() + ": " + body.path("message").asText() + fields);
      }
      return body;
    } catch (ConnectException e) {
      throw new CliException("cannot reach " + base + " (is the server running?)");
    } catch (IOException e) {
      throw new CliException("request failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      return node.toString();
    }
  }
}

package io.datarights.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser-like HTTP session for console tests that need no real browser: keeps the session
 * cookie, sends the CSRF token of the last page's forms, and parses pages with jsoup.
 */
public final class ConsoleSession {

  private final String base;
  private final HttpClient http;
  private String csrf;

  private ConsoleSession(int port) {
    this.base = "http://localhost:" + port;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static ConsoleSession at(int port) {
    return new ConsoleSession(port);
  }

  /** Signs in with client credentials; returns where the console sent the browser next. */
  public Page signIn(String clientId, String clientSecret) {
    get("/console/sign-in");
    return post("/console/sign-in", Map.of("clientId", clientId, "clientSecret", clientSecret));
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a form with the CSRF token of the page seen last. */
  public Page post(String path, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    if (csrf != null) {
      form.putIfAbsent("_csrf", csrf);
    }
    String body =
        form.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Page page = new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null), Jsoup.parse(response.body()), response);
      Element token = page.html().selectFirst("input[name=_csrf]");
      if (token != null) {
        csrf = token.attr("value");
      }
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Page(int status, String location, Document html, HttpResponse<String> raw) {
    public String text() {
      return html.text();
    }

    /** The path the page redirects to, without scheme and host. */
    public String redirectPath() {
      return location == null ? null : URI.create(location).getPath();
    }
  }
}

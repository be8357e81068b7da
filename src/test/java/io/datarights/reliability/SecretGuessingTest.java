package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.ConsoleSession;
import io.datarights.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Guessing client secrets: after 10 failed attempts for a client id, or 30 from one address,
 * within a minute (the defaults), every attempt is a 429 with {@code Retry-After} until the bucket
 * refills, the right secret too; other client ids and other addresses are not slowed, and
 * successful sign-ins never use the limit up. The console sign-in draws on the same buckets.
 */
class SecretGuessingTest extends IntegrationTest {

  private static final String FORM = "grant_type=client_credentials";

  private Api.Response attempt(String clientId, String secret) {
    return anonymous().tokenResponse(clientId, secret, FORM);
  }

  private void failTimes(int times, String clientId) {
    for (int i = 1; i <= times; i++) {
      Api.Response r = attempt(clientId, "guess-" + i);
      assertThat(r.status()).as("guess " + i + ": " + r).isEqualTo(401);
    }
  }

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_log where action = :action").param("action", action).query(Long.class).single();
  }

  @Test
  void theEleventhWrongSecretWithinAMinuteIsThrottledAndSoIsTheRightOne() {
    Tenant acme = newTenant("Acme");

    failTimes(10, acme.clientId());
    Api.Response eleventh = attempt(acme.clientId(), "guess-11");
    Api.Response right = attempt(acme.clientId(), acme.clientSecret());
    Api.Response again = attempt(acme.clientId(), "guess-12");

    assertThat(eleventh.status()).isEqualTo(429);
    assertThat(eleventh.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(eleventh.json().get("message").asText()).startsWith("Rate limit exceeded");
    assertThat(eleventh.json().has("contextId")).isTrue();
    assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(eleventh.header("RateLimit-Policy")).isEqualTo("10;w=60");
    assertThat(eleventh.header("RateLimit")).startsWith("limit=10, remaining=0");
    assertThat(right.status()).as("the right secret learns nothing while throttled").isEqualTo(429);
    assertThat(right.text()).doesNotContain("access_token");
    assertThat(again.status()).isEqualTo(429);
    assertThat(audited("oauth.token.refused")).isEqualTo(10);
    assertThat(audited("oauth.token.throttled")).as("one entry per throttled period, not one per guess").isEqualTo(1);
  }

  @Test
  void anotherClientIdIsNotSlowedByAThrottledOne() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    failTimes(10, "no-such-client");

    assertThat(attempt("no-such-client", "guess").status()).isEqualTo(429);
    assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).isEqualTo(200);
    assertThat(attempt(globex.clientId(), globex.clientSecret()).status()).isEqualTo(200);
  }

  @Test
  void theLimitRefillsWithTimeAndAfterAMinuteTheRightSecretWorksAgain() {
    Tenant acme = newTenant("Acme");
    failTimes(10, acme.clientId());
    Api.Response throttled = attempt(acme.clientId(), acme.clientSecret());
    assertThat(throttled.status()).isEqualTo(429);

    // One attempt comes back every 6 seconds (10 a minute); Retry-After says when the next one does.
    clock.advance(Duration.ofSeconds(Long.parseLong(throttled.header("Retry-After"))));
    assertThat(attempt(acme.clientId(), "guess-11").status()).isEqualTo(401);
    assertThat(attempt(acme.clientId(), "guess-12").status()).isEqualTo(429);

    clock.advance(Duration.ofMinutes(1));
    assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).isEqualTo(200);
  }

  @Test
  void successfulSignInsNeverUseTheLimitUp() {
    Tenant acme = newTenant("Acme");

    for (int i = 0; i < 40; i++) {
      assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).isEqualTo(200);
    }
    failTimes(10, acme.clientId());
    assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).isEqualTo(429);
  }

  @Test
  void guessesFromOneAddressAreThrottledAcrossClientIdsWhileOtherAddressesSignIn() {
    Tenant acme = newTenant("Acme");
    // 30 failures spread over client ids that each stay under their own limit
    for (int i = 0; i < 30; i++) {
      assertThat(attempt("spray-" + (i % 5), "guess-" + i).status()).isEqualTo(401);
    }

    assertThat(attempt("spray-new", "guess").status()).isEqualTo(429);
    assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).as("from the throttled address").isEqualTo(429);
    assertThat(tokenFrom("127.0.0.2", acme.clientId(), acme.clientSecret())).as("from another address").startsWith("HTTP/1.1 200");
    assertThat(tokenFrom("127.0.0.2", "spray-new", "guess")).startsWith("HTTP/1.1 401");
  }

  @Test
  void theConsoleSignInIsThrottledOnTheSameBucketsAndSaysSo() {
    Tenant acme = newTenant("Acme");
    ConsoleSession browser = ConsoleSession.at(port);
    for (int i = 1; i <= 5; i++) {
      assertThat(browser.signIn(acme.clientId(), "guess-" + i).location()).endsWith("/console/sign-in?error");
    }
    failTimes(5, acme.clientId());

    ConsoleSession.Page throttled = browser.signIn(acme.clientId(), acme.clientSecret());

    assertThat(throttled.status()).isEqualTo(302);
    assertThat(throttled.location()).endsWith("/console/sign-in?throttled");
    ConsoleSession.Page page = browser.get("/console/sign-in?throttled");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("#sign-in-throttled").text()).contains("Too many failed sign-ins");
    assertThat(browser.get("/console/requests").redirectPath()).as("not signed in").isEqualTo("/console/sign-in");
    assertThat(attempt(acme.clientId(), acme.clientSecret()).status()).isEqualTo(429);
    assertThat(audited("console.signin.throttled")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(ConsoleSession.at(port).signIn(acme.clientId(), acme.clientSecret()).redirectPath()).isEqualTo("/console");
  }

  /**
   * A token request sent from another local address (any 127.x.y.z is this machine), over a raw
   * socket since the JDK's HTTP client cannot choose its source address; returns the raw response.
   */
  private String tokenFrom(String localAddress, String clientId, String secret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    String request = "POST /oauth/token HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + basic
        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + FORM.length()
        + "\r\nConnection: close\r\n\r\n" + FORM;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.datarights.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.ConsoleSession;
import io.datarights.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleSignInTest extends IntegrationTest {

  @Test
  void pagesNeedASignedInSessionAndSendStrangersToTheSignInForm() {
    ConsoleSession browser = ConsoleSession.at(port);

    ConsoleSession.Page page = browser.get("/console/requests");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.redirectPath()).isEqualTo("/console/sign-in");
    ConsoleSession.Page form = browser.get("/console/sign-in");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.html().select("label[for=clientId]").text()).isEqualTo("Client id");
    assertThat(form.html().select("label[for=clientSecret]").text()).isEqualTo("Client secret");
  }

  @Test
  void aWrongSecretIsRefusedWithAMessageAndAnAuditEntry() {
    Tenant tenant = newTenant("acme");
    ConsoleSession browser = ConsoleSession.at(port);

    ConsoleSession.Page refused = browser.signIn(tenant.clientId(), "not-the-secret");

    assertThat(refused.location()).endsWith("/console/sign-in?error");
    assertThat(browser.get("/console/sign-in?error").html().select("#sign-in-error").text()).contains("do not match");
    assertThat(browser.get("/console/requests").redirectPath()).isEqualTo("/console/sign-in");
    assertThat(jdbc.sql("select count(*) from audit_log where action = 'console.signin.refused'").query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void aClientSignsInActsInItsOrgAndSignsOut() {
    Tenant tenant = newTenant("acme");
    ConsoleSession browser = ConsoleSession.at(port);

    ConsoleSession.Page signedIn = browser.signIn(tenant.clientId(), tenant.clientSecret());

    assertThat(signedIn.redirectPath()).isEqualTo("/console");
    assertThat(browser.get("/console").redirectPath()).isEqualTo("/console/dashboard");
    ConsoleSession.Page dashboard = browser.get("/console/dashboard");
    assertThat(dashboard.status()).isEqualTo(200);
    assertThat(dashboard.html().select("header .org").text()).isEqualTo("acme");
    assertThat(dashboard.raw().headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");

    ConsoleSession.Page out = browser.post("/console/sign-out", Map.of());
    assertThat(out.location()).endsWith("/console/sign-in?signedOut");
    assertThat(browser.get("/console/dashboard").redirectPath()).isEqualTo("/console/sign-in");
  }

  @Test
  void theSessionCookieSetAtSignInIsHttpOnlyAndSameSiteLax() {
    Tenant tenant = newTenant("acme");
    ConsoleSession browser = ConsoleSession.at(port);

    ConsoleSession.Page signedIn = browser.signIn(tenant.clientId(), tenant.clientSecret());

    // The session id changes at sign-in: the cookie the signed-in session runs on is set here.
    List<String> session = signedIn.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID=")).toList();
    assertThat(session).hasSize(1);
    List<String> attributes = Arrays.stream(session.get(0).split(";")).map(String::strip).toList();
    assertThat(attributes).contains("HttpOnly", "SameSite=Lax", "Path=/");
    assertThat(attributes).as("served over plain HTTP here").doesNotContain("Secure");
  }

  @Test
  void aFormPostedWithoutTheCsrfTokenIsRefused() {
    Tenant tenant = newTenant("acme");
    ConsoleSession browser = ConsoleSession.at(port);
    browser.signIn(tenant.clientId(), tenant.clientSecret());

    ConsoleSession.Page forged = browser.post("/console/requests", Map.of("_csrf", "forged", "requestType", "GDPR_EXPORT"));

    assertThat(forged.status()).isEqualTo(403);
    assertThat(count("gdpr_requests")).isZero();
  }
}

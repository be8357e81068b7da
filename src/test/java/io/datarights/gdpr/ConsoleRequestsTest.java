package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.support.Api;
import io.datarights.support.ConsoleSession;
import io.datarights.support.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The console's request pages over HTTP, as a browser without scripts uses them: disambiguation,
 * filing with confirmation, progress, download, filters, deadlines and tenant scoping.
 */
class ConsoleRequestsTest extends IntegrationTest {

  private record Seeded(String contactA, String contactB, String namesake) {}

  private static String post(Api api, String path, Object body) {
    Api.Response r = api.post(path, body);
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    return r.json().get("id").asText();
  }

  /** Jürgen as two merged contacts (one found by e-mail, one only by name), and a namesake. */
  private static Seeded seed(Api api) {
    String a = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    String b = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jurgen", "lastName", "Muller", "cellPhone", Map.of("display", "+49 171 2345678")));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", b, "targetContactId", a));
    String namesake = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "other.juergen@example.org"));
    return new Seeded(a, b, namesake);
  }

  private ConsoleSession signedIn(Tenant tenant) {
    ConsoleSession browser = ConsoleSession.at(port);
    assertThat(browser.signIn(tenant.clientId(), tenant.clientSecret()).redirectPath()).isEqualTo("/console");
    return browser;
  }

  private static String token(String contactId) {
    return "EXTERNAL_CONTACT||" + contactId;
  }

  private static String query(String name, String email) {
    return "/console/subjects?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8);
  }

  private String awaitFinished(String requestId) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.sql("select status from gdpr_requests where request_id = ?::uuid").param(requestId).query(String.class).single(),
            s -> s.equals("COMPLETED") || s.equals("ERROR"));
    return jdbc.sql("select status from gdpr_requests where request_id = ?::uuid").param(requestId).query(String.class).single();
  }

  private static List<String> filedIds(ConsoleSession.Page redirect) {
    assertThat(redirect.status()).as(redirect.text()).isEqualTo(302);
    assertThat(redirect.redirectPath()).isEqualTo("/console/requests/filed");
    String ids = URI.create(redirect.location()).getQuery().replace("ids=", "");
    return List.of(URLDecoderHolder.decode(ids).split(","));
  }

  private static final class URLDecoderHolder {
    static String decode(String value) {
      return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
  }

  @Test
  void searchingByNameAndEmailGroupsTheMergedContactsAsOnePersonAndFlagsTheNamesake() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    ConsoleSession browser = signedIn(tenant);

    ConsoleSession.Page page = browser.get(query("Jürgen Müller", "J.Mueller@Example.com"));

    assertThat(page.status()).isEqualTo(200);
    List<Element> people = page.html().select("article.person");
    assertThat(people).hasSize(2);
    Element subject = people.get(0);
    assertThat(subject.hasClass("strong")).isTrue();
    assertThat(subject.select("input[name=subject]").eachAttr("value")).containsExactlyInAnyOrder(token(s.contactA()), token(s.contactB()));
    assertThat(subject.select("input[name=subject]").eachAttr("checked")).hasSize(2);
    Element namesake = people.get(1);
    assertThat(namesake.hasClass("weak")).isTrue();
    assertThat(namesake.select(".verdict").text()).contains("other people share");
    assertThat(namesake.select("input[name=subject]").attr("value")).isEqualTo(token(s.namesake()));
    assertThat(namesake.select("input[name=subject][checked]")).isEmpty();
    assertThat(page.html().select("input[name=identifier]").eachAttr("value")).containsExactly("EMAIL|J.Mueller@Example.com");
  }

  @Test
  void anErasureIsFiledOnlyAfterConfirmationAndThenRunsToAVerifiedCompletion() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    ConsoleSession browser = signedIn(tenant);
    browser.get(query("Jürgen Müller", "j.mueller@example.com"));

    ConsoleSession.Page review = browser.post("/console/requests", Map.of("requestType", "GDPR_DELETE", "subject", token(s.contactA())));

    assertThat(review.status()).isEqualTo(200);
    assertThat(review.html().select("h1").text()).isEqualTo("Confirm erasure");
    assertThat(review.html().select("#targets li").text()).contains(s.contactA());
    assertThat(review.html().select("input#confirmed[required]")).hasSize(1);
    assertThat(count("gdpr_requests")).isZero();

    List<String> ids = filedIds(browser.post("/console/requests",
        Map.of("requestType", "GDPR_DELETE", "subject", token(s.contactA()), "confirmed", "true")));

    assertThat(ids).hasSize(1);
    assertThat(awaitFinished(ids.get(0))).isEqualTo("COMPLETED");
    ConsoleSession.Page detail = browser.get("/console/requests/" + ids.get(0));
    assertThat(detail.html().select("#request-status").text()).isEqualTo("COMPLETED");
    assertThat(detail.html().select("#verification").text()).startsWith("Verified");
    assertThat(detail.html().select("#progress progress").attr("value")).isEqualTo(detail.html().select("#progress progress").attr("max"));
    assertThat(detail.html().select("#service-progress tr[data-service=externalContacts] td").get(0).text()).isEqualTo("DONE");
    // The merged twin's related request runs alongside; between the two, both contacts are deleted once.
    String related = detail.html().select("#related a").text();
    assertThat(awaitFinished(related)).isEqualTo("COMPLETED");
    assertThat(jdbc.sql("select sum(deleted) from gdpr_request_services where service = 'externalContacts'").query(Long.class).single()).isEqualTo(2);
    assertThat(detail.html().select("#related a").text()).isNotBlank();
    assertThat(detail.html().select("#progress").attr("hx-get")).isEmpty();
    assertThat(browser.get("/console/requests/" + ids.get(0) + "/progress").status()).isEqualTo(286);
    assertThat(tenant.api().get("/api/v2/externalcontacts/contacts/" + s.contactB()).status()).isEqualTo(404);
    assertThat(tenant.api().get("/api/v2/externalcontacts/contacts/" + s.namesake()).status()).isEqualTo(200);
  }

  @Test
  void anExportOffersItsPackageForDownload() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    ConsoleSession browser = signedIn(tenant);
    browser.get(query("Jürgen Müller", "j.mueller@example.com"));

    List<String> ids = filedIds(browser.post("/console/requests",
        Map.of("requestType", "GDPR_EXPORT", "subject", token(s.contactA()), "caseName", "Case 2026-17")));

    String id = ids.get(0);
    assertThat(awaitFinished(id)).isEqualTo("COMPLETED");
    ConsoleSession.Page detail = browser.get("/console/requests/" + id);
    assertThat(detail.html().select("h1").text()).contains("Case 2026-17");
    String href = detail.html().select("a#download-export").attr("href");
    URI link = URI.create(href);
    ConsoleSession.Page download = browser.get(link.getRawPath() + "?" + link.getRawQuery());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.raw().headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
  }

  @Test
  void aRectificationFromTheConsoleChangesTheEmailEverywhere() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    ConsoleSession browser = signedIn(tenant);
    browser.get(query("Jürgen Müller", "j.mueller@example.com"));

    List<String> ids = filedIds(browser.post("/console/requests", Map.of(
        "requestType", "GDPR_UPDATE", "identifier", "EMAIL|j.mueller@example.com",
        "replaceType", "EMAIL", "replaceExisting", "j.mueller@example.com", "replaceUpdated", "juergen@new.example")));

    assertThat(awaitFinished(ids.get(0))).isEqualTo("COMPLETED");
    assertThat(tenant.api().get("/api/v2/externalcontacts/contacts/" + s.contactA()).json().get("workEmail").asText())
        .isEqualTo("juergen@new.example");
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndFilesNothing() {
    Tenant tenant = newTenant("acme");
    seed(tenant.api());
    ConsoleSession browser = signedIn(tenant);
    browser.get("/console/subjects");

    ConsoleSession.Page forged = browser.post("/console/requests", Map.of("requestType", "GDPR_EXPORT", "subject", "NOPE|x|y"));
    ConsoleSession.Page unknownId = browser.post("/console/requests", Map.of("requestType", "GDPR_EXPORT", "subject", "USER||../../etc"));
    ConsoleSession.Page nothingChosen = browser.post("/console/requests", Map.of("requestType", "GDPR_EXPORT"));
    ConsoleSession.Page badUpdate = browser.post("/console/requests", Map.of(
        "requestType", "GDPR_UPDATE", "identifier", "EMAIL|j.mueller@example.com",
        "replaceType", "EMAIL", "replaceExisting", "j.mueller@example.com", "replaceUpdated", "not-an-email"));
    ConsoleSession.Page badFilter = browser.get("/console/requests?state=bogus");
    ConsoleSession.Page badPage = browser.get("/console/requests?page=abc");

    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.text()).contains("The subject is not a record");
    assertThat(unknownId.html().select("#filing-errors").text()).contains("No subject with that id exists");
    assertThat(nothingChosen.html().select("#filing-errors").text()).contains("Choose at least one");
    assertThat(badUpdate.html().select("#filing-errors").text()).contains("Not a valid e-mail address");
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.text()).contains("state must be");
    assertThat(badPage.status()).isEqualTo(400);
    assertThat(badPage.text()).contains("page").doesNotContain("Exception");
    assertThat(count("gdpr_requests")).isZero();
  }

  @Test
  void theListFiltersByStateAndDeadlineAndHighlightsOverdueRequests() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    String done = tenant.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", s.namesake())))
        .json().get("id").asText();
    assertThat(awaitFinished(done)).isEqualTo("COMPLETED");
    gate.close();
    String open = tenant.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("j.mueller@example.com"))))
        .json().get("id").asText();
    clock.set(clock.instant().plus(Duration.ofDays(40)));
    ConsoleSession browser = signedIn(tenant);

    ConsoleSession.Page overdue = browser.get("/console/requests?due=overdue");
    ConsoleSession.Page completed = browser.get("/console/requests?state=COMPLETED");
    ConsoleSession.Page all = browser.get("/console/requests");
    ConsoleSession.Page dashboard = browser.get("/console/dashboard");

    assertThat(overdue.html().select("#request-table tbody tr").eachAttr("data-id")).containsExactly(open);
    assertThat(overdue.html().select("tr.overdue .badge.overdue").text()).startsWith("overdue by");
    assertThat(completed.html().select("#request-table tbody tr").eachAttr("data-id")).containsExactly(done);
    assertThat(all.html().select("#request-total").text()).isEqualTo("2 request(s)");
    assertThat(dashboard.html().select("#count-overdue").text()).isEqualTo("1");
    assertThat(dashboard.html().select("#count-open").text()).isEqualTo("1");
    assertThat(dashboard.html().select("#chart-filed-caption").text()).contains("Requests filed per day");
    gate.open();
  }

  @Test
  void theDashboardChartsHowLongRequestsTookToComplete() {
    Tenant tenant = newTenant("acme");
    Seeded s = seed(tenant.api());
    String id = tenant.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", s.namesake())))
        .json().get("id").asText();
    assertThat(awaitFinished(id)).isEqualTo("COMPLETED");
    // The test clock stands still while requests run; say this one was filed two minutes earlier.
    jdbc.sql("update gdpr_requests set created_at = completed_at - interval '120 seconds' where request_id = ?::uuid").param(id).update();
    ConsoleSession browser = signedIn(tenant);

    ConsoleSession.Page dashboard = browser.get("/console/dashboard");

    var speedRows = dashboard.html().select("#chart-speed tbody tr");
    assertThat(speedRows).hasSize(30);
    assertThat(speedRows.last().select("td").text()).isEqualTo("120");
    assertThat(dashboard.html().select("#chart-speed svg rect.bar")).hasSize(1);
    assertThat(dashboard.html().select("#chart-filed tbody tr").last().select("td").eachText()).containsExactly("1", "0", "0");
  }

  @Test
  void anotherOrgsRequestsAreNotFoundAndNeverListed() {
    Tenant acme = newTenant("acme");
    Seeded s = seed(acme.api());
    String id = acme.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", s.contactA())))
        .json().get("id").asText();
    Tenant other = newTenant("globex");
    ConsoleSession browser = signedIn(other);

    ConsoleSession.Page detail = browser.get("/console/requests/" + id);
    ConsoleSession.Page list = browser.get("/console/requests");
    ConsoleSession.Page search = browser.get(query("Jürgen Müller", "j.mueller@example.com"));
    ConsoleSession.Page filed = browser.get("/console/requests/filed?ids=" + id);

    assertThat(detail.status()).isEqualTo(404);
    assertThat(detail.text()).doesNotContain(s.contactA());
    assertThat(list.html().select("#request-total").text()).isEqualTo("0 request(s)");
    assertThat(search.html().select("article.person")).isEmpty();
    assertThat(filed.html().select("#filed-rows tr")).isEmpty();
  }
}

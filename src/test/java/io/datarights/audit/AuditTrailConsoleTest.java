package io.datarights.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.support.ConsoleSession;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class AuditTrailConsoleTest extends IntegrationTest {

  private ConsoleSession signedIn(String clientId, String secret) {
    ConsoleSession browser = ConsoleSession.at(port);
    assertThat(browser.signIn(clientId, secret).redirectPath()).isEqualTo("/console");
    return browser;
  }

  private ConsoleSession signedIn(Tenant tenant) {
    return signedIn(tenant.clientId(), tenant.clientSecret());
  }

  private record Client(String id, String secret) {}

  private Client client(Tenant tenant, String name, String... permissions) {
    var created = tenant.api().post("/api/v2/oauth/clients", Map.of("name", name, "permissions", List.of(permissions)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Client(created.json().get("id").asText(), created.json().get("secret").asText());
  }

  private String fileAndComplete(Tenant tenant, String email) {
    String id =
        tenant.api().post("/api/v2/gdpr/requests",
                Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of(email))))
            .json().get("id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return id;
  }

  private List<Long> seqsInDatabase(Tenant tenant, int limit) {
    return jdbc.sql("select seq from audit_log where org_id = ?::uuid order by seq desc limit ?")
        .params(tenant.orgId(), limit)
        .query(Long.class)
        .list();
  }

  private long entries(Tenant tenant, String actionLike) {
    return jdbc.sql("select count(*) from audit_log where org_id = ?::uuid and action like ?")
        .params(tenant.orgId(), actionLike)
        .query(Long.class)
        .single();
  }

  private static List<Element> rows(ConsoleSession.Page page) {
    return page.html().select("#entries tbody tr");
  }

  private static List<Long> seqs(ConsoleSession.Page page) {
    return rows(page).stream().map(r -> Long.parseLong(r.child(0).text())).toList();
  }

  private static List<String> column(ConsoleSession.Page page, int index) {
    return rows(page).stream().map(r -> r.child(index).text()).toList();
  }

  @Test
  void showsTheOrgsEntriesNewestFirstWithPseudonymsAndAnIntactChain() {
    Tenant acme = newTenant("Acme");
    Client exporter = client(acme, "Exporter", "gdpr:request:view");
    String requestId = fileAndComplete(acme, "jane.secret@example.com");
    ConsoleSession browser = signedIn(acme);

    ConsoleSession.Page page = browser.get("/console/audit");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.html().select("h1")).hasSize(1);
    assertThat(page.html().select("h1").text()).isEqualTo("Audit trail");
    List<Long> inDatabase = seqsInDatabase(acme, 25);
    assertThat(seqs(page)).isEqualTo(inDatabase);
    assertThat(page.html().select("#chain-status").hasClass("ok")).isTrue();
    assertThat(page.html().select("#chain-status").text()).contains("Chain intact");
    assertThat(page.html().select("#entries-checked").text()).isEqualTo(String.valueOf(entries(acme, "%")));

    Element created = rows(page).stream().filter(r -> r.child(2).text().equals("gdpr.request.created")).findFirst().orElseThrow();
    assertThat(created.child(4).text()).isEqualTo("gdprRequest " + requestId);
    assertThat(created.child(5).text()).startsWith("subject:");
    assertThat(created.child(1).text()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
    assertThat(created.selectFirst("time").attr("datetime")).endsWith("Z");
    assertThat(column(page, 4)).contains("oauthClient " + exporter.id());
    assertThat(page.text()).doesNotContainIgnoringCase("jane.secret");
    assertThat(page.html().select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).isEqualTo("col"));
    assertThat(page.html().select("label[for=action]").text()).isEqualTo("Action");
    assertThat(page.html().select("label[for=targetId]").text()).isEqualTo("Target id");
    assertThat(page.html().select("select#action option").eachAttr("value"))
        .contains("", "organization.created", "oauth.client.created", "gdpr.request.created");
  }

  @Test
  void anotherOrgsEntriesNeverAppear() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    Client acmeClient = client(acme, "Acme reporting", "gdpr:request:view");
    var controller =
        acme.api().put("/api/v2/governance/controller", Map.of(
            "controllerName", "Acme GmbH", "address", "Berlin", "contactEmail", "privacy@acme.example",
            "dpoName", "Dana", "dpoEmail", "dpo@acme.example"));
    assertThat(controller.status()).as(controller.toString()).isEqualTo(200);

    ConsoleSession.Page page = signedIn(globex).get("/console/audit");

    assertThat(page.status()).isEqualTo(200);
    assertThat(seqs(page)).isEqualTo(seqsInDatabase(globex, 25));
    assertThat(page.text()).doesNotContain(acmeClient.id()).doesNotContain(acme.clientId()).doesNotContain(acme.orgId());
    assertThat(page.html().select("select#action option").eachAttr("value"))
        .containsExactlyElementsOf(
            jdbc.sql("select '' union all (select distinct action from audit_log where org_id = ?::uuid order by 1)")
                .param(globex.orgId())
                .query(String.class)
                .list())
        .doesNotContain("governance.controller.updated");
    assertThat(signedIn(globex).get("/console/audit?targetId=" + acmeClient.id()).html().select("#entries tbody tr")).isEmpty();
  }

  @Test
  void filtersByActionAndTargetNarrowTheTable() {
    Tenant acme = newTenant("Acme");
    Client first = client(acme, "First", "gdpr:request:view");
    Client second = client(acme, "Second", "gdpr:request:view");
    ConsoleSession browser = signedIn(acme);

    ConsoleSession.Page byAction = browser.get("/console/audit?action=oauth.client.created&targetId=");
    ConsoleSession.Page byTarget = browser.get("/console/audit?action=&targetId=" + second.id());
    ConsoleSession.Page everything = browser.get("/console/audit");

    assertThat(column(byAction, 2)).hasSize(3).containsOnly("oauth.client.created");
    assertThat(column(byAction, 4)).contains("oauthClient " + first.id(), "oauthClient " + second.id());
    assertThat(byAction.html().select("select#action option[selected]").attr("value")).isEqualTo("oauth.client.created");
    assertThat(byAction.html().select("#entries-count").text()).startsWith("3 entries match the filters");
    assertThat(column(byTarget, 4)).isNotEmpty().containsOnly("oauthClient " + second.id());
    assertThat(byTarget.html().select("input#targetId").attr("value")).isEqualTo(second.id());
    assertThat(rows(everything)).hasSizeGreaterThan(rows(byAction).size());
    assertThat(browser.get("/console/audit?action=no.such.action").html().select("#no-entries").text())
        .isEqualTo("No entry matches these filters.");
  }

  @Test
  void pagesThroughTheTrailKeepingTheFilter() {
    Tenant acme = newTenant("Acme");
    for (int i = 0; i < 26; i++) {
      anonymous().token(acme.clientId(), acme.clientSecret());
    }
    long issued = entries(acme, "oauth.token.issued");
    assertThat(issued).isGreaterThan(25);
    ConsoleSession browser = signedIn(acme);

    ConsoleSession.Page first = browser.get("/console/audit?action=oauth.token.issued");

    assertThat(rows(first)).hasSize(25);
    assertThat(first.html().select("#previous-page")).isEmpty();
    String next = first.html().select("#next-page").attr("href");
    assertThat(next).contains("action=oauth.token.issued").contains("pageNumber=2");
    ConsoleSession.Page second = browser.get(next);
    assertThat(column(second, 2)).hasSize((int) issued - 25).containsOnly("oauth.token.issued");
    assertThat(seqs(second).get(0)).isLessThan(seqs(first).get(24));
    assertThat(second.html().select("#next-page")).isEmpty();
    assertThat(browser.get(second.html().select("#previous-page").attr("href")).html().select("#entries tbody tr td:first-child").eachText())
        .isEqualTo(seqs(first).stream().map(String::valueOf).toList());
  }

  @Test
  void reportsABrokenChainAtTheEditedEntry() {
    Tenant acme = newTenant("Acme");
    client(acme, "Exporter", "gdpr:request:view");
    ConsoleSession browser = signedIn(acme);

    jdbc.sql("update audit_log set actor = 'someone-else' where org_id = ?::uuid and seq = 2").param(acme.orgId()).update();
    ConsoleSession.Page page = browser.get("/console/audit");

    Element banner = page.html().selectFirst("#chain-status");
    assertThat(banner.hasClass("error")).isTrue();
    assertThat(banner.attr("role")).isEqualTo("alert");
    assertThat(banner.text()).contains("Chain broken at entry 2").contains("changed after it was written");
    assertThat(page.html().select("#first-broken").text()).isEqualTo("2");
    assertThat(column(page, 3)).contains("someone-else");
  }

  @Test
  void aClientWithoutTheAuditPermissionGetsTheForbiddenPage() {
    Tenant acme = newTenant("Acme");
    Client scanner = client(acme, "Scanner only", "governance:scan:view", "governance:record:view");

    ConsoleSession.Page page = signedIn(scanner.id(), scanner.secret()).get("/console/audit");

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.text()).contains("audit:audit:view");
    assertThat(page.html().select("#entries")).isEmpty();
  }
}

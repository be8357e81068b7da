package io.datarights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.DatarightsApplication;
import io.datarights.support.IntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The commands that work against a running server, run against this test's server. */
@ExtendWith(OutputCaptureExtension.class)
class ServerCommandsTest extends IntegrationTest {

  @TempDir Path dir;

  private int run(Tenant tenant, String... args) {
    return run(tenant.clientId(), tenant.clientSecret(), args);
  }

  private int run(String clientId, String secret, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", "http://localhost:" + port, "--client-id", clientId, "--client-secret", secret));
    return DatarightsCli.run(DatarightsApplication.class, all.toArray(String[]::new));
  }

  private static String requestId(String output) {
    Matcher m = Pattern.compile("filed ([0-9a-f-]{36})").matcher(output);
    assertThat(m.find()).as(output).isTrue();
    String id = m.group(1);
    while (m.find()) {
      id = m.group(1);
    }
    return id;
  }

  @Test
  void aPrivacyOfficerSearchesFilesWaitsAndDownloadsFromTheCommandLine(CapturedOutput output) throws Exception {
    Tenant acme = newTenant("Acme");
    String contact = acme.api().post("/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jane", "lastName", "Roe", "workEmail", "jane.roe@example.com")).json().get("id").asText();

    assertThat(run(acme, "subjects", "--type", "EMAIL", "--value", "Jane.Roe@example.com")).isZero();
    assertThat(output.getOut()).contains("1 subject(s)").contains("externalContact " + contact).contains("Jane Roe");

    assertThat(run(acme, "request", "export", "--email", "jane.roe@example.com")).isZero();
    String id = requestId(output.getOut());
    assertThat(run(acme, "requests", "wait", id)).isZero();
    assertThat(output.getOut()).contains("COMPLETED").contains("services done").contains("externalContacts");

    Path zip = dir.resolve("jane.zip");
    assertThat(run(acme, "results", "download", id, "--out", zip.toString())).isZero();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertThat(file.getEntry("manifest.json")).isNotNull();
      assertThat(new String(file.getInputStream(file.getEntry("externalContacts.json")).readAllBytes())).contains(contact);
    }
    assertThat(run(acme, "requests", "list", "--json")).isZero();
    assertThat(output.getOut()).contains("\"id\" : \"" + id + "\"");
  }

  @Test
  void aDeleteWithoutConfirmationAndBadCredentialsFailWithOneLine(CapturedOutput output) {
    Tenant acme = newTenant("Acme");

    assertThat(run(acme, "request", "delete", "--email", "jane.roe@example.com")).isEqualTo(1);
    assertThat(output.getErr()).contains("add --confirm").doesNotContain("Exception");
    assertThat(count("gdpr_requests")).isZero();

    assertThat(run(acme.clientId(), "wrong", "requests", "list")).isEqualTo(1);
    assertThat(output.getErr()).contains("HTTP 401 bad.credentials");

    assertThat(run(acme, "request", "update", "--email", "a@example.com", "--replace", "EMAIL:a@example.com=not-an-email")).isEqualTo(1);
    assertThat(output.getErr()).contains("HTTP 400").contains("replacementTerms[0].updatedValue");
  }

  @Test
  void aDeleteWithConfirmationErasesAndWaitReportsTheVerification(CapturedOutput output) {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jane", "lastName", "Roe", "workEmail", "jane.roe@example.com"));

    assertThat(run(acme, "request", "delete", "--email", "jane.roe@example.com", "--confirm")).isZero();
    assertThat(run(acme, "requests", "wait", requestId(output.getOut()))).isZero();

    assertThat(output.getOut()).contains("verifiedErased=true").contains("deleted 1");
    assertThat(count("external_contacts")).isZero();
  }

  @Test
  void aRequestByANameTwoPeopleShareIsRefusedWithTheWayOutAndFiledWithTheFlag(CapturedOutput output) {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jane", "lastName", "Roe", "workEmail", "jane.roe@example.com"));
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jane", "lastName", "Roe", "workEmail", "other.jane@example.org"));

    assertThat(run(acme, "request", "export", "--name", "Jane Roe")).isEqualTo(1);
    assertThat(output.getErr()).contains("HTTP 409 request.conflict").contains("2 different persons")
        .contains("subjects --type NAME").contains("--allow-multiple-subjects").doesNotContain("Exception");
    assertThat(count("gdpr_requests")).isZero();

    assertThat(run(acme, "request", "export", "--name", "Jane Roe", "--allow-multiple-subjects")).isZero();
    assertThat(count("gdpr_requests")).isEqualTo(1);
  }

  @Test
  void thePlatformAdminCreatesAnOrganization(CapturedOutput output) {
    assertThat(run(ADMIN_ID, ADMIN_SECRET, "orgs", "create", "--name", "Initech", "--region", "DE")).isZero();

    String printed = output.getOut().substring(output.getOut().indexOf("organization Initech"));
    Matcher id = Pattern.compile("client id: +(\\S+)").matcher(printed);
    Matcher secret = Pattern.compile("client secret: +(\\S+)").matcher(printed);
    assertThat(id.find() && secret.find()).isTrue();
    assertThat(anonymous().withToken(anonymous().token(id.group(1), secret.group(1))).get("/api/v2/organizations/me").json()
        .get("name").asText()).isEqualTo("Initech");
  }

}

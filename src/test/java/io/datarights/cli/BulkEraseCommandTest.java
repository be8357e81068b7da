package io.datarights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.DatarightsApplication;
import io.datarights.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code bulk-erase} and {@code bulk-erasures} against this test's server. */
@ExtendWith(OutputCaptureExtension.class)
class BulkEraseCommandTest extends IntegrationTest {

  @TempDir Path dir;

  private int run(Tenant tenant, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--url", "http://localhost:" + port, "--client-id", tenant.clientId(), "--client-secret", tenant.clientSecret()));
    return DatarightsCli.run(DatarightsApplication.class, all.toArray(String[]::new));
  }

  private Path file(String content) throws Exception {
    Path file = dir.resolve("subjects.csv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void aPrivacyOfficerErasesAFileOfSubjectsAndWatchesItsProgress(CapturedOutput output) throws Exception {
    Tenant acme = newTenant("Acme");
    for (int i = 0; i < 30; i++) {
      acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "P" + i, "workEmail", "p" + i + "@example.com"));
    }
    StringBuilder csv = new StringBuilder("type,value\n");
    for (int i = 0; i < 25; i++) {
      csv.append("EMAIL,p").append(i).append("@example.com\n");
    }

    assertThat(run(acme, "bulk-erase", "--file", file(csv.toString()).toString(), "--confirm", "--wait")).isZero();

    assertThat(output.getOut())
        .contains("25 subject(s)")
        .containsPattern("chunks \\d/1 erased")
        .contains("subjects/s")
        .contains("COMPLETED")
        .contains("verifiedErased=true")
        .containsPattern("externalContacts +DONE +matched 25, deleted 25");
    assertThat(count("external_contacts")).isEqualTo(5);

    Matcher filed = Pattern.compile("filed ([0-9a-f-]{36})").matcher(output.getOut());
    assertThat(filed.find()).isTrue();
    assertThat(run(acme, "bulk-erasures", "show", filed.group(1), "--json")).isZero();
    assertThat(output.getOut()).contains("\"verifiedErased\" : true");
    assertThat(run(acme, "bulk-erasures", "list")).isZero();
    assertThat(output.getOut()).contains("1 bulk erasure(s)");
  }

  @Test
  void withoutConfirmationOrWithABadLineNothingIsFiled(CapturedOutput output) throws Exception {
    Tenant acme = newTenant("Acme");

    assertThat(run(acme, "bulk-erase", "--file", file("type,value\nEMAIL,a@example.com\n").toString())).isEqualTo(1);
    assertThat(output.getErr()).contains("add --confirm");

    assertThat(run(acme, "bulk-erase", "--file", file("type,value\nEMAIL,a@example.com\nNAME,Jane Roe\n").toString(), "--confirm")).isEqualTo(1);
    assertThat(output.getErr()).contains("HTTP 400").contains("line 3 has type NAME").contains("[line 3]").doesNotContain("Exception");

    assertThat(run(acme, "bulk-erase", "--file", dir.resolve("missing.csv").toString(), "--confirm")).isEqualTo(1);
    assertThat(output.getErr()).contains("cannot read");
    assertThat(count("gdpr_bulk_erasures")).isZero();
  }
}

package io.datarights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.IntegrationTest;
import io.datarights.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AuditVerifyCommandTest extends IntegrationTest {

  private int verify() {
    return DatarightsCli.run(
        io.datarights.DatarightsApplication.class,
        new String[] {
          "audit", "verify",
          "--spring-arg=--datarights.db.url=" + TestDatabase.jdbcUrl(),
          "--spring-arg=--datarights.db.user=postgres"
        });
  }

  @Test
  void passesOnAnIntactTrailAndFailsNamingTheEditedEntry(CapturedOutput output) {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/oauth/clients", Map.of("name", "Second", "permissions", java.util.List.of("gdpr:request:view")));

    assertThat(verify()).isZero();
    assertThat(output.getOut()).contains("org " + acme.orgId() + ": intact").contains("Audit trail intact");

    jdbc.sql("update audit_log set details = '{\"permissions\":\"*\"}' where org_id = ?::uuid and seq = 2").param(acme.orgId()).update();

    assertThat(verify()).isEqualTo(1);
    assertThat(output.getOut()).contains("org " + acme.orgId() + ": BROKEN at entry 2").contains("Audit trail BROKEN");
  }
}

package io.datarights.scanner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.scanner.ScanPolling;
import io.datarights.support.HeldTable;
import io.datarights.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduledScansTest extends IntegrationTest {

  @Autowired ScheduledScans scheduled;

  @Test
  void theScheduledScanScansEveryOrgAndRecordsItAsScheduled() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    acme.api().post("/api/v2/flows", Map.of("name", "Inbound", "promptTexts", List.of("Mail jane.doe@example.com")));

    int queued = scheduled.scanAll();

    assertThat(queued).as("the bootstrap org too").isEqualTo(3);
    var acmeRuns = acme.api().get("/api/v2/governance/pii-scans").json().get("entities");
    assertThat(acmeRuns).hasSize(1);
    var acmeRun = ScanPolling.awaitEnded(acme.api(), acmeRuns.get(0).get("id").asText());
    assertThat(acmeRun.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(acmeRun.get("trigger").asText()).isEqualTo("scheduled");
    assertThat(acmeRun.get("startedBy").asText()).isEqualTo(ScheduledScans.ACTOR);
    assertThat(acmeRun.get("findingsCount").asInt()).isEqualTo(1);
    String globexRun = globex.api().get("/api/v2/governance/pii-scans").json().get("entities").get(0).get("id").asText();
    assertThat(ScanPolling.awaitEnded(globex.api(), globexRun).get("findingsCount").asInt()).isZero();
  }

  @Test
  void theScheduledScanLeavesAnOrgWhoseScanIsInFlightToIt() throws Exception {
    Tenant acme = newTenant("Acme");
    String running;
    try (HeldTable held = HeldTable.hold("conversation_participants")) {
      running = acme.api().post("/api/v2/governance/pii-scans", Map.of()).json().get("id").asText();

      int queued = scheduled.scanAll();

      assertThat(queued).as("the bootstrap org only").isEqualTo(1);
      assertThat(acme.api().get("/api/v2/governance/pii-scans").json().get("total").asInt()).isEqualTo(1);
    }
    assertThat(ScanPolling.awaitEnded(acme.api(), running).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void ibanChecksumsAreValidatedModulo97() {
    assertThat(Detectors.checksumValid("DE89370400440532013000")).isTrue();
    assertThat(Detectors.checksumValid("GB82WEST12345698765432")).isTrue();
    assertThat(Detectors.checksumValid("DE88370400440532013000")).isFalse();
  }

  @Test
  void masksShowTheShapeOnly() {
    assertThat(Masks.email("jane.doe@example.com")).isEqualTo("j***@e***.com");
    assertThat(Masks.phone(49, "+4930123467")).isEqualTo("+49 *** ***67");
    assertThat(Masks.iban("DE89370400440532013000")).isEqualTo("DE** **** ... 3000");
    assertThat(Masks.name("Jürgen Müller")).isEqualTo("J*** M***");
  }
}

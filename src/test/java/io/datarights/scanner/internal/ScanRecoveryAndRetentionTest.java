package io.datarights.scanner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.datarights.scanner.ScanPolling;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScanRecoveryAndRetentionTest extends IntegrationTest {

  @Autowired ScanJobs jobs;
  @Autowired ScanRetention retention;
  @Autowired SchedulerClient scheduler;
  @Autowired ScheduledScans scheduled;

  @Test
  void aRunLeftRunningByACrashedNodeIsScannedAgainFromTheStartWhenItsTaskRunsAndNothingIsCountedTwice() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/flows", Map.of("name", "Inbound", "promptTexts", List.of("Mail jane.doe@example.com")));
    OrgId org = OrgId.of(acme.orgId());
    UUID run = UUID.randomUUID();
    // What a node killed mid-scan leaves: the run RUNNING, part-way, with findings of its attempt.
    jdbc.sql(
            """
            insert into pii_scan_runs (org_id, run_id, status, trigger, started_by, created_at, started_at,
              places_total, places_scanned, scanning, records_scanned, findings_count)
            values (:org, :run, 'RUNNING', 'manual', 'client', now(), now(), 4, 1, 'directory', 1, 1)
            """)
        .param("org", org.value()).param("run", run).update();
    jdbc.sql(
            """
            insert into pii_scan_findings (org_id, run_id, finding_id, service, record_id, field_path, kind, masked_excerpt, value_hash)
            values (:org, :run, gen_random_uuid(), 'flows', 'x', 'promptTexts[0]', 'EMAIL', 'j***@e***.com', 'h')
            """)
        .param("org", org.value()).param("run", run).update();
    assertThat(acme.api().post(ScanPolling.SCANS, Map.of()).status()).as("the run is in flight").isEqualTo(409);

    // Its task, due again: db-scheduler revives the execution of a dead node.
    scheduler.scheduleIfNotExists(ScanTasks.scan(org, run), clock.instant());

    var ended = ScanPolling.awaitEnded(acme.api(), run.toString());
    assertThat(ended.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(ended.get("findingsCount").asInt()).isEqualTo(1);
    assertThat(ended.get("recordsScanned").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from pii_scan_findings where run_id = :run").param("run", run).query(Long.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from pii_scan_findings where value_hash = 'h'").query(Long.class).single())
        .as("the interrupted attempt's findings").isZero();
  }

  @Test
  void aQueuedRunWhoseTaskWasLostIsScheduledAgainByTheDailyScanInsteadOfBlockingItsOrgForEver() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    UUID run = UUID.randomUUID();
    jdbc.sql(
            """
            insert into pii_scan_runs (org_id, run_id, status, trigger, started_by, created_at, places_total,
              places_scanned, records_scanned, findings_count)
            values (:org, :run, 'QUEUED', 'manual', 'client', now(), 4, 0, 0, 0)
            """)
        .param("org", org.value()).param("run", run).update();

    int queued = scheduled.scanAll();

    assertThat(queued).as("the bootstrap org only").isEqualTo(1);
    assertThat(ScanPolling.awaitEnded(acme.api(), run.toString()).get("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void runsThatEndedBeforeTheRetentionAreDeletedWithTheirFindingsAndNewerOnesKept() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/flows", Map.of("name", "Inbound", "promptTexts", List.of("Mail jane.doe@example.com")));
    OrgId org = OrgId.of(acme.orgId());
    Instant now = clock.instant();
    clock.set(now.minus(Duration.ofDays(91)));
    UUID old = completed(org);
    clock.set(now.minus(Duration.ofDays(89)));
    UUID recent = completed(org);
    clock.set(now);

    int deleted = retention.prune();

    assertThat(deleted).isEqualTo(1);
    assertThat(runIds()).containsExactly(recent);
    assertThat(findingRuns()).containsOnly(recent).hasSize(1);
    assertThat(acme.api().get(ScanPolling.SCANS + "/" + old).status()).isEqualTo(404);

    clock.advance(Duration.ofDays(2));
    assertThat(retention.prune()).isEqualTo(1);
    assertThat(runIds()).isEmpty();
    assertThat(findingRuns()).isEmpty();
  }

  @Test
  void theRetentionNeverTouchesARunInFlight() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    UUID run = UUID.randomUUID();
    jdbc.sql(
            """
            insert into pii_scan_runs (org_id, run_id, status, trigger, started_by, created_at, places_total,
              places_scanned, records_scanned, findings_count)
            values (:org, :run, 'QUEUED', 'manual', 'client', now() - interval '1 year', 4, 0, 0, 0)
            """)
        .param("org", org.value()).param("run", run).update();

    assertThat(retention.prune()).isZero();
    assertThat(runIds()).containsExactly(run);
  }

  private UUID completed(OrgId org) {
    UUID run = jobs.queue(org, ScanRun.MANUAL, "client").orElseThrow().id();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
        jdbc.sql("select status from pii_scan_runs where run_id = :run").param("run", run).query(String.class).single().equals("COMPLETED"));
    return run;
  }

  private List<UUID> runIds() {
    return jdbc.sql("select run_id from pii_scan_runs").query(UUID.class).list();
  }

  private List<UUID> findingRuns() {
    return jdbc.sql("select run_id from pii_scan_findings").query(UUID.class).list();
  }
}

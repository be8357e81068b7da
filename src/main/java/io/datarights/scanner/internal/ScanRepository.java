package io.datarights.scanner.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScanRepository {

  private final JdbcClient jdbc;

  ScanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new run, QUEUED. @throws org.springframework.dao.DuplicateKeyException when one of the org is in flight */
  void insertQueued(OrgId org, UUID runId, String trigger, String startedBy, Instant createdAt, int placesTotal) {
    jdbc.sql(
            """
            insert into pii_scan_runs
              (org_id, run_id, status, trigger, started_by, created_at, places_total, places_scanned, records_scanned, findings_count)
            values (:org, :id, 'QUEUED', :trigger, :by, :created, :places, 0, 0, 0)
            """)
        .param("org", org.value())
        .param("id", runId)
        .param("trigger", trigger)
        .param("by", startedBy)
        .param("created", Timestamp.from(createdAt))
        .param("places", placesTotal)
        .update();
  }

  /** The org's run in flight (QUEUED or RUNNING), if any. */
  Optional<UUID> inFlight(OrgId org) {
    return jdbc.sql("select run_id from pii_scan_runs where org_id = :org and status in ('QUEUED', 'RUNNING')")
        .param("org", org.value())
        .query(UUID.class)
        .optional();
  }

  /**
   * (Re)starts a run from the beginning: RUNNING, counts at zero, and the findings of an attempt
   * that a crash or a failure interrupted deleted, so that none is counted twice.
   * @return false when the run is gone or has ended
   */
  boolean restart(OrgId org, UUID runId, String firstPlace, Instant now) {
    int updated =
        jdbc.sql(
                """
                update pii_scan_runs
                set status = 'RUNNING', started_at = :now, places_scanned = 0, scanning = :place,
                    records_scanned = 0, findings_count = 0
                where org_id = :org and run_id = :id and status in ('QUEUED', 'RUNNING')
                """)
            .param("org", org.value())
            .param("id", runId)
            .param("place", firstPlace)
            .param("now", Timestamp.from(now))
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("delete from pii_scan_findings where org_id = :org and run_id = :id")
        .param("org", org.value())
        .param("id", runId)
        .update();
    return true;
  }

  /** The progress committed with a batch of findings. */
  void progress(OrgId org, UUID runId, int placesScanned, String scanning, int records, int findings) {
    jdbc.sql(
            """
            update pii_scan_runs
            set places_scanned = :places, scanning = :scanning, records_scanned = :records, findings_count = :findings
            where org_id = :org and run_id = :id and status = 'RUNNING'
            """)
        .param("org", org.value())
        .param("id", runId)
        .param("places", placesScanned)
        .param("scanning", scanning)
        .param("records", records)
        .param("findings", findings)
        .update();
  }

  /** @return false when the run was not running (ended by another attempt, or gone) */
  boolean complete(OrgId org, UUID runId, Instant completedAt, int records, int findings) {
    return jdbc.sql(
                """
                update pii_scan_runs
                set status = 'COMPLETED', completed_at = :completed, places_scanned = places_total, scanning = null,
                    records_scanned = :records, findings_count = :findings
                where org_id = :org and run_id = :id and status = 'RUNNING'
                """)
            .param("org", org.value())
            .param("id", runId)
            .param("completed", Timestamp.from(completedAt))
            .param("records", records)
            .param("findings", findings)
            .update()
        == 1;
  }

  /** @return false when the run had already ended, or is gone */
  boolean fail(OrgId org, UUID runId, String reason, Instant at) {
    return jdbc.sql(
                """
                update pii_scan_runs set status = 'FAILED', completed_at = :at, error_reason = :reason
                where org_id = :org and run_id = :id and status in ('QUEUED', 'RUNNING')
                """)
            .param("org", org.value())
            .param("id", runId)
            .param("reason", reason)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /** One batch in one statement; the order of the list is the order of the listing. */
  void insertFindings(OrgId org, UUID runId, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into pii_scan_findings
              (org_id, run_id, finding_id, service, record_id, field_path, kind, masked_excerpt, value_hash)
            select :org, :run, gen_random_uuid(), service, record_id, field_path, kind, masked, hash
            from unnest(:services::text[], :records::text[], :paths::text[], :kinds::text[], :masked::text[], :hashes::text[])
              with ordinality as t(service, record_id, field_path, kind, masked, hash, n)
            order by n
            """)
        .param("org", org.value())
        .param("run", runId)
        .param("services", findings.stream().map(Finding::service).toArray(String[]::new))
        .param("records", findings.stream().map(Finding::recordId).toArray(String[]::new))
        .param("paths", findings.stream().map(Finding::fieldPath).toArray(String[]::new))
        .param("kinds", findings.stream().map(f -> f.kind().name()).toArray(String[]::new))
        .param("masked", findings.stream().map(Finding::maskedExcerpt).toArray(String[]::new))
        .param("hashes", findings.stream().map(Finding::valueHash).toArray(String[]::new))
        .update();
  }

  /**
   * The runs of any org that ended before the cutoff, oldest first, a batch at a time: what the
   * retention deletes.
   */
  List<RunKey> endedBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            select org_id, run_id from pii_scan_runs
            where status in ('COMPLETED', 'FAILED') and completed_at < :cutoff
            order by completed_at limit :limit
            """)
        .param("cutoff", Timestamp.from(cutoff))
        .param("limit", limit)
        .query((rs, row) -> new RunKey(OrgId.of(rs.getString("org_id")), rs.getObject("run_id", UUID.class)))
        .list();
  }

  record RunKey(OrgId org, UUID runId) {}

  /** Deletes an ended run; its findings go with it (on delete cascade). */
  void delete(RunKey run) {
    jdbc.sql("delete from pii_scan_runs where org_id = :org and run_id = :id and status in ('COMPLETED', 'FAILED')")
        .param("org", run.org().value())
        .param("id", run.runId())
        .update();
  }

  Optional<ScanRun> findRun(OrgId org, UUID runId) {
    return jdbc.sql("select * from pii_scan_runs where org_id = :org and run_id = :id")
        .param("org", org.value())
        .param("id", runId)
        .query(ScanRepository::run)
        .optional();
  }

  List<ScanRun> runs(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from pii_scan_runs where org_id = :org
            order by created_at desc, run_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(ScanRepository::run)
        .list();
  }

  long countRuns(OrgId org) {
    return jdbc.sql("select count(*) from pii_scan_runs where org_id = :org").param("org", org.value()).query(Long.class).single();
  }

  record StoredFinding(UUID id, Finding finding) {}

  List<StoredFinding> findings(OrgId org, UUID runId, PageParams page) {
    return jdbc.sql(
            """
            select * from pii_scan_findings where org_id = :org and run_id = :run
            order by seq limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("run", runId)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(
            (rs, row) ->
                new StoredFinding(
                    rs.getObject("finding_id", UUID.class),
                    new Finding(
                        rs.getString("service"), rs.getString("record_id"), rs.getString("field_path"),
                        DetectorKind.valueOf(rs.getString("kind")), rs.getString("masked_excerpt"), rs.getString("value_hash"))))
        .list();
  }

  /** How many findings of each kind a run has, for the console's summary. */
  Map<DetectorKind, Long> countsByKind(OrgId org, UUID runId) {
    Map<DetectorKind, Long> counts = new EnumMap<>(DetectorKind.class);
    jdbc.sql("select kind, count(*) as n from pii_scan_findings where org_id = :org and run_id = :run group by kind")
        .param("org", org.value())
        .param("run", runId)
        .query(rs -> {
          counts.put(DetectorKind.valueOf(rs.getString("kind")), rs.getLong("n"));
        });
    return counts;
  }

  private static ScanRun run(ResultSet rs, int row) throws SQLException {
    return new ScanRun(
        rs.getObject("run_id", UUID.class), ScanStatus.valueOf(rs.getString("status")), rs.getString("trigger"),
        rs.getString("started_by"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("completed_at")), rs.getInt("places_total"), rs.getInt("places_scanned"),
        rs.getString("scanning"), rs.getInt("records_scanned"), rs.getInt("findings_count"), rs.getString("error_reason"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

package io.datarights.scanner.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

  void insertRun(OrgId org, ScanRun run) {
    jdbc.sql(
            """
            insert into pii_scan_runs
              (org_id, run_id, trigger, started_by, started_at, completed_at, records_scanned, findings_count)
            values (:org, :id, :trigger, :by, :started, :completed, :records, :findings)
            """)
        .param("org", org.value())
        .param("id", run.id())
        .param("trigger", run.trigger())
        .param("by", run.startedBy())
        .param("started", Timestamp.from(run.startedAt()))
        .param("completed", Timestamp.from(run.completedAt()))
        .param("records", run.recordsScanned())
        .param("findings", run.findingsCount())
        .update();
  }

  void complete(OrgId org, ScanRun run) {
    jdbc.sql(
            """
            update pii_scan_runs set completed_at = :completed, records_scanned = :records, findings_count = :findings
            where org_id = :org and run_id = :id
            """)
        .param("org", org.value())
        .param("id", run.id())
        .param("completed", Timestamp.from(run.completedAt()))
        .param("records", run.recordsScanned())
        .param("findings", run.findingsCount())
        .update();
  }

  void insertFindings(OrgId org, UUID runId, List<Finding> findings) {
    for (Finding f : findings) {
      jdbc.sql(
              """
              insert into pii_scan_findings
                (org_id, run_id, finding_id, service, record_id, field_path, kind, masked_excerpt, value_hash)
              values (:org, :run, :id, :service, :record, :path, :kind, :masked, :hash)
              """)
          .param("org", org.value())
          .param("run", runId)
          .param("id", UUID.randomUUID())
          .param("service", f.service())
          .param("record", f.recordId())
          .param("path", f.fieldPath())
          .param("kind", f.kind().name())
          .param("masked", f.maskedExcerpt())
          .param("hash", f.valueHash())
          .update();
    }
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
            order by started_at desc, run_id limit :limit offset :offset
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
        rs.getObject("run_id", UUID.class), rs.getString("trigger"), rs.getString("started_by"),
        rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("completed_at").toInstant(),
        rs.getInt("records_scanned"), rs.getInt("findings_count"));
  }
}

package io.datarights.gdpr.internal;

import io.datarights.shared.OrgId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which records (service and record id, nothing else of them) each export packaged, and which
 * exports an erasure matched: what ties a package to the erasure of its subject whichever
 * identifier either request named.
 */
@Repository
class PackagedRecords {

  /** Ids go to the database in slices of this many, one statement each. */
  static final int SLICE = 5_000;

  private final JdbcClient jdbc;

  PackagedRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A record id as stored and compared: one line (an id with a line break in it is broken anyway). */
  static String idOf(String recordId) {
    return recordId == null ? "" : recordId.replace('\n', ' ').replace('\r', ' ');
  }

  /** Forgets what an earlier run of the same export step recorded. */
  void clear(OrgId org, UUID exportId, String service) {
    jdbc.sql("delete from export_package_records where org_id = :org and request_id = :id and service = :service")
        .param("org", org.value())
        .param("id", exportId)
        .param("service", service)
        .update();
  }

  void add(OrgId org, UUID exportId, String service, Collection<String> recordIds) {
    jdbc.sql(
            """
            insert into export_package_records (org_id, request_id, service, record_id)
            select :org, :id, :service, unnest(:ids::text[])
            on conflict do nothing
            """)
        .param("org", org.value())
        .param("id", exportId)
        .param("service", service)
        .param("ids", recordIds.toArray(String[]::new))
        .update();
  }

  /** Whether some export whose results are not erased holds records of this service. */
  boolean anyLiveExportHolds(OrgId org, String service) {
    return jdbc.sql(
            """
            select exists (
              select 1 from export_package_records p
              join gdpr_requests r on r.org_id = p.org_id and r.request_id = p.request_id
              where p.org_id = :org and p.service = :service and r.results_erased_at is null)
            """)
        .param("org", org.value())
        .param("service", service)
        .query(Boolean.class)
        .single();
  }

  /** Notes, for the erasure, the exports not yet erased that hold any of these records. */
  void noteExportsHolding(OrgId org, UUID erasureId, String service, Collection<String> recordIds) {
    jdbc.sql(
            """
            insert into gdpr_erased_packages (org_id, request_id, export_request_id)
            select distinct p.org_id, :erasure, p.request_id from export_package_records p
            join gdpr_requests r on r.org_id = p.org_id and r.request_id = p.request_id
            where p.org_id = :org and p.service = :service and p.record_id = any(:ids::text[])
              and r.results_erased_at is null
            on conflict do nothing
            """)
        .param("org", org.value())
        .param("erasure", erasureId)
        .param("service", service)
        .param("ids", recordIds.toArray(String[]::new))
        .update();
  }

  record Package(UUID exportId, String blob) {}

  /** The exports the erasure noted whose results are not erased yet, with their package if any. */
  List<Package> notedFor(OrgId org, UUID erasureId) {
    return jdbc.sql(
            """
            select r.request_id, r.results_blob from gdpr_erased_packages g
            join gdpr_requests r on r.org_id = g.org_id and r.request_id = g.export_request_id
            where g.org_id = :org and g.request_id = :erasure and r.results_erased_at is null
            order by r.request_id
            """)
        .param("org", org.value())
        .param("erasure", erasureId)
        .query((rs, row) -> new Package(rs.getObject(1, UUID.class), rs.getString(2)))
        .list();
  }

  /**
   * Marks the noted exports' results as erased, under row locks, and forgets what they packaged;
   * returns them with the package each held at that moment (an export may have finished since
   * {@link #notedFor}).
   */
  List<Package> markErased(OrgId org, UUID erasureId, java.time.Instant now) {
    List<Package> erased =
        jdbc.sql(
                """
                update gdpr_requests r set results_erased_at = :now, results_blob = null, updated_at = :now
                from (select e.request_id, e.results_blob from gdpr_requests e
                      join gdpr_erased_packages g on g.org_id = e.org_id and g.export_request_id = e.request_id
                      where g.org_id = :org and g.request_id = :erasure and e.results_erased_at is null
                      for update of e) old
                where r.org_id = :org and r.request_id = old.request_id
                returning r.request_id, old.results_blob
                """)
            .param("org", org.value())
            .param("erasure", erasureId)
            .param("now", java.sql.Timestamp.from(now))
            .query((rs, row) -> new Package(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    String[] ids = erased.stream().map(p -> p.exportId().toString()).toArray(String[]::new);
    if (ids.length > 0) {
      jdbc.sql("delete from export_package_records where org_id = :org and request_id = any(:ids::uuid[])")
          .param("org", org.value())
          .param("ids", ids)
          .update();
    }
    return erased;
  }

  /** Forgets what an export packaged once its package is gone (expired, or never kept). */
  void forget(OrgId org, UUID exportId) {
    jdbc.sql("delete from export_package_records where org_id = :org and request_id = :id")
        .param("org", org.value())
        .param("id", exportId)
        .update();
  }
}

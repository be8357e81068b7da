package io.datarights.bulkerasure.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of bulk erasures, their chunks and their steps. Every query is scoped by org. */
@Repository
class BulkErasureRepository {

  static final String PENDING = "PENDING";
  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  static final String ERROR = "ERROR";

  private final JdbcClient jdbc;

  BulkErasureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- filing

  /** Throws {@code DuplicateKeyException} when another job of the org is in flight. */
  void insert(StoredJob job) {
    jdbc.sql(
            """
            insert into gdpr_bulk_erasures
              (org_id, job_id, status, subjects, chunks, created_by_client, created_by_name, created_at)
            values (:org, :id, :status, :subjects, :chunks, :client, :clientName, :created)
            """)
        .param("org", job.org().value())
        .param("id", job.id())
        .param("status", job.status().name())
        .param("subjects", job.subjects())
        .param("chunks", job.chunks())
        .param("client", job.createdByClient())
        .param("clientName", job.createdByName())
        .param("created", Timestamp.from(job.createdAt()))
        .update();
  }

  void insertChunk(OrgId org, UUID job, int chunk, List<Identifier> subjects) {
    jdbc.sql(
            """
            insert into gdpr_bulk_erasure_chunks (org_id, job_id, chunk, subjects, kinds, normalized_values)
            values (:org, :job, :chunk, :subjects, :kinds::text[], :values::text[])
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .param("subjects", subjects.size())
        .param("kinds", subjects.stream().map(i -> i.kind().name()).toArray(String[]::new))
        .param("values", subjects.stream().map(Identifier::value).toArray(String[]::new))
        .update();
  }

  /** One pending step per chunk and service. */
  void insertSteps(OrgId org, UUID job, int chunks, List<String> services) {
    jdbc.sql(
            """
            insert into gdpr_bulk_erasure_steps (org_id, job_id, chunk, service, status)
            select :org, :job, c, s, 'PENDING'
            from generate_series(0, :chunks - 1) as c, unnest(:services::text[]) as s
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunks", chunks)
        .param("services", services.toArray(String[]::new))
        .update();
  }

  // ---- reading

  Optional<StoredJob> find(OrgId org, UUID id) {
    return jdbc.sql("select * from gdpr_bulk_erasures where org_id = :org and job_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(BulkErasureRepository::job)
        .optional();
  }

  Optional<UUID> inFlight(OrgId org) {
    return jdbc.sql("select job_id from gdpr_bulk_erasures where org_id = :org and status not in ('COMPLETED', 'ERROR')")
        .param("org", org.value())
        .query(UUID.class)
        .optional();
  }

  /** One page, newest first. */
  List<StoredJob> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from gdpr_bulk_erasures where org_id = :org
            order by created_at desc, job_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(BulkErasureRepository::job)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from gdpr_bulk_erasures where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  /** The chunk's subjects as normalized identifiers; empty once the job has ended and wiped them. */
  List<Identifier> subjects(OrgId org, UUID job, int chunk) {
    return jdbc.sql(
            """
            select kinds, normalized_values from gdpr_bulk_erasure_chunks
            where org_id = :org and job_id = :job and chunk = :chunk
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .query((rs, row) -> {
          String[] kinds = strings(rs.getArray(1));
          String[] values = strings(rs.getArray(2));
          List<Identifier> identifiers = new ArrayList<>(kinds.length);
          for (int i = 0; i < kinds.length; i++) {
            identifiers.add(new Identifier(IdentifierKind.valueOf(kinds[i]), values[i]));
          }
          return identifiers;
        })
        .optional()
        .orElse(List.of());
  }

  boolean stepDone(OrgId org, UUID job, int chunk, String service) {
    return jdbc.sql(
            """
            select exists (select 1 from gdpr_bulk_erasure_steps
                           where org_id = :org and job_id = :job and chunk = :chunk and service = :service and status = 'DONE')
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .param("service", service)
        .query(Boolean.class)
        .single();
  }

  boolean chunkErased(OrgId org, UUID job, int chunk) {
    return jdbc.sql(
            """
            select not exists (select 1 from gdpr_bulk_erasure_steps
                               where org_id = :org and job_id = :job and chunk = :chunk and status <> 'DONE')
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .query(Boolean.class)
        .single();
  }

  boolean chunkVerified(OrgId org, UUID job, int chunk) {
    return jdbc.sql(
            """
            select verified_at is not null from gdpr_bulk_erasure_chunks
            where org_id = :org and job_id = :job and chunk = :chunk
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  boolean allChunksVerified(OrgId org, UUID job) {
    return jdbc.sql(
            """
            select not exists (select 1 from gdpr_bulk_erasure_chunks
                               where org_id = :org and job_id = :job and verified_at is null)
            """)
        .param("org", org.value())
        .param("job", job)
        .query(Boolean.class)
        .single();
  }

  /** What the verification of every chunk still found. */
  long stillFound(OrgId org, UUID job) {
    return jdbc.sql("select coalesce(sum(still_found), 0) from gdpr_bulk_erasure_chunks where org_id = :org and job_id = :job")
        .param("org", org.value())
        .param("job", job)
        .query(Long.class)
        .single();
  }

  JobProgress progress(OrgId org, UUID job) {
    Map<String, Object> chunks =
        jdbc.sql(
                """
                select count(*) as chunks,
                       count(*) filter (where erased) as erased,
                       count(*) filter (where c.verified_at is not null) as verified,
                       coalesce(sum(c.subjects) filter (where erased), 0) as subjects_erased
                from gdpr_bulk_erasure_chunks c,
                     lateral (select not exists (select 1 from gdpr_bulk_erasure_steps s
                                                 where s.org_id = c.org_id and s.job_id = c.job_id and s.chunk = c.chunk
                                                   and s.status <> 'DONE')) as e(erased)
                where c.org_id = :org and c.job_id = :job
                """)
            .param("org", org.value())
            .param("job", job)
            .query()
            .singleRow();
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    jdbc.sql(
            """
            select distinct service, r from gdpr_bulk_erasure_steps, unnest(reasons) as r
            where org_id = :org and job_id = :job order by service, r
            """)
        .param("org", org.value())
        .param("job", job)
        .query((ResultSet rs) -> {
          reasons.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    List<JobProgress.Service> services =
        jdbc.sql(
                """
                select service, count(*) as steps,
                       count(*) filter (where status = 'DONE') as done,
                       count(*) filter (where status = 'RUNNING') as running,
                       count(*) filter (where status = 'ERROR') as failed,
                       sum(matched) as matched, sum(deleted) as deleted, sum(anonymized) as anonymized,
                       sum(retained) as retained, max(error) as error
                from gdpr_bulk_erasure_steps where org_id = :org and job_id = :job
                group by service order by service
                """)
            .param("org", org.value())
            .param("job", job)
            .query((rs, row) -> new JobProgress.Service(
                rs.getString("service"),
                rs.getInt("steps"),
                rs.getInt("done"),
                rs.getInt("running"),
                rs.getInt("failed"),
                rs.getLong("matched"),
                rs.getLong("deleted"),
                rs.getLong("anonymized"),
                rs.getLong("retained"),
                reasons.getOrDefault(rs.getString("service"), List.of()),
                rs.getString("error")))
            .list();
    int steps = services.stream().mapToInt(JobProgress.Service::steps).sum();
    int stepsDone = services.stream().mapToInt(JobProgress.Service::done).sum();
    return new JobProgress(
        ((Number) chunks.get("chunks")).intValue(),
        ((Number) chunks.get("erased")).intValue(),
        ((Number) chunks.get("verified")).intValue(),
        steps,
        stepsDone,
        ((Number) chunks.get("subjects_erased")).longValue(),
        services);
  }

  // ---- processing

  /** Serializes the end of a job's chunks and the job's end, so that exactly one sees all chunks verified. */
  void lock(OrgId org, UUID job) {
    jdbc.sql("select 1 from gdpr_bulk_erasures where org_id = :org and job_id = :job for update")
        .param("org", org.value())
        .param("job", job)
        .query()
        .listOfRows();
  }

  /** Serializes the bookkeeping of a chunk's steps, so that exactly one of them sees the chunk erased. */
  void lockChunk(OrgId org, UUID job, int chunk) {
    jdbc.sql("select 1 from gdpr_bulk_erasure_chunks where org_id = :org and job_id = :job and chunk = :chunk for update")
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .query()
        .listOfRows();
  }

  void started(OrgId org, UUID job, Instant now) {
    jdbc.sql(
            """
            update gdpr_bulk_erasures set status = 'DELETING', started_at = coalesce(started_at, :now)
            where org_id = :org and job_id = :job and status = 'INITIATED'
            """)
        .param("org", org.value())
        .param("job", job)
        .param("now", Timestamp.from(now))
        .update();
  }

  void stepStarted(OrgId org, UUID job, int chunk, String service, Instant now) {
    jdbc.sql(
            """
            update gdpr_bulk_erasure_steps set status = 'RUNNING', started_at = coalesce(started_at, :now)
            where org_id = :org and job_id = :job and chunk = :chunk and service = :service and status <> 'DONE'
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .param("service", service)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** False if another run of the step recorded its outcome first. */
  boolean stepCompleted(OrgId org, UUID job, int chunk, String service, ServiceOutcome outcome, Instant now) {
    return jdbc.sql(
                """
                update gdpr_bulk_erasure_steps set status = 'DONE', matched = :matched, deleted = :deleted,
                  anonymized = :anonymized, retained = :retained, reasons = :reasons::text[], error = null,
                  completed_at = :now
                where org_id = :org and job_id = :job and chunk = :chunk and service = :service and status <> 'DONE'
                """)
            .param("org", org.value())
            .param("job", job)
            .param("chunk", chunk)
            .param("service", service)
            .param("matched", outcome.matched())
            .param("deleted", outcome.deleted())
            .param("anonymized", outcome.anonymized())
            .param("retained", outcome.retained())
            .param("reasons", outcome.reasons().toArray(String[]::new))
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  void stepFailed(OrgId org, UUID job, int chunk, String service, String error, Instant now) {
    jdbc.sql(
            """
            update gdpr_bulk_erasure_steps set status = 'ERROR', error = :error, completed_at = :now
            where org_id = :org and job_id = :job and chunk = :chunk and service = :service
            """)
        .param("org", org.value())
        .param("job", job)
        .param("chunk", chunk)
        .param("service", service)
        .param("error", error)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** False if the chunk was verified before (a second run of its verification). */
  boolean chunkVerified(OrgId org, UUID job, int chunk, long stillFound, Instant now) {
    return jdbc.sql(
                """
                update gdpr_bulk_erasure_chunks set verified_at = :now, still_found = :stillFound
                where org_id = :org and job_id = :job and chunk = :chunk and verified_at is null
                """)
            .param("org", org.value())
            .param("job", job)
            .param("chunk", chunk)
            .param("stillFound", stillFound)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  void finalizing(OrgId org, UUID job) {
    jdbc.sql(
            """
            update gdpr_bulk_erasures set status = 'FINALIZING'
            where org_id = :org and job_id = :job and status in ('INITIATED', 'DELETING')
            """)
        .param("org", org.value())
        .param("job", job)
        .update();
  }

  /** False if the job had ended already. */
  boolean complete(OrgId org, UUID job, boolean verifiedErased, long stillFound, Instant now) {
    return jdbc.sql(
                """
                update gdpr_bulk_erasures set status = 'COMPLETED', verified_erased = :verified, still_found = :stillFound,
                  completed_at = :now, started_at = coalesce(started_at, :now)
                where org_id = :org and job_id = :job and status not in ('COMPLETED', 'ERROR')
                """)
            .param("org", org.value())
            .param("job", job)
            .param("verified", verifiedErased)
            .param("stillFound", stillFound)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** False if the job had ended already. */
  boolean fail(OrgId org, UUID job, String reason, Instant now) {
    return jdbc.sql(
                """
                update gdpr_bulk_erasures set status = 'ERROR', error_reason = :reason, completed_at = :now
                where org_id = :org and job_id = :job and status not in ('COMPLETED', 'ERROR')
                """)
            .param("org", org.value())
            .param("job", job)
            .param("reason", reason)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  /** The subjects are personal data: once the job has ended, only their count stays (and pseudonyms in the audit trail). */
  void wipeSubjects(OrgId org, UUID job) {
    jdbc.sql(
            """
            update gdpr_bulk_erasure_chunks set kinds = null, normalized_values = null
            where org_id = :org and job_id = :job and kinds is not null
            """)
        .param("org", org.value())
        .param("job", job)
        .update();
  }

  // ---- mapping

  private static StoredJob job(ResultSet rs, int row) throws SQLException {
    return new StoredJob(
        OrgId.of(rs.getString("org_id")),
        rs.getObject("job_id", UUID.class),
        JobStatus.valueOf(rs.getString("status")),
        rs.getInt("subjects"),
        rs.getInt("chunks"),
        rs.getString("created_by_client"),
        rs.getString("created_by_name"),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "completed_at"),
        rs.getObject("verified_erased", Boolean.class),
        rs.getObject("still_found", Long.class),
        rs.getString("error_reason"));
  }

  private static String[] strings(Array array) throws SQLException {
    if (array == null) {
      return new String[0];
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.copyOf(values, values.length, String[].class);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}

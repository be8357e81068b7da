package io.datarights.gdpr.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RequestRepository {

  private static final TypeReference<List<ReplacementTerm>> REPLACEMENTS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RequestRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * Inserts requests filed together (one, or one per member of a merge set) in one statement; they
   * share everything but the subject, its terms and the idempotency key.
   *
   * @return the ids inserted: a request left out has an identical one in flight, or its
   *     idempotency key was taken by a concurrent call
   */
  Set<UUID> insertUnlessDuplicate(List<StoredRequest> batch) {
    StoredRequest first = batch.get(0);
    return new HashSet<>(jdbc.sql(
            """
            insert into gdpr_requests (org_id, request_id, name, request_type, status, subject, subject_key,
              terms, replacement_terms, created_by_client, created_by_name, created_at, updated_at, due_date, original_due_date,
              idempotency_key, idempotency_hash)
            select :org, r.id, :name, :type, :status, r.subject, r.subject_key, r.terms,
              :replacements::jsonb, :client, :clientName, :created, :created, :due, :due, r.idem_key, r.idem_hash
            from unnest(:ids::uuid[], :subjects::jsonb[], :keys::text[], :terms::jsonb[], :idemKeys::text[], :idemHashes::text[])
              as r(id, subject, subject_key, terms, idem_key, idem_hash)
            on conflict do nothing
            returning request_id
            """)
        .param("org", first.orgId().value())
        .param("name", first.name())
        .param("type", first.type().name())
        .param("status", first.status().name())
        .param("replacements", first.replacementTerms() == null ? null : write(first.replacementTerms()))
        .param("client", first.createdByClient())
        .param("clientName", first.createdByName())
        .param("created", Timestamp.from(first.createdAt()))
        .param("due", first.dueDate())
        .param("ids", batch.stream().map(r -> r.id().toString()).toArray(String[]::new))
        .param("subjects", batch.stream().map(r -> write(r.subject())).toArray(String[]::new))
        .param("keys", batch.stream().map(StoredRequest::subjectKey).toArray(String[]::new))
        .param("terms", batch.stream().map(r -> write(r.terms())).toArray(String[]::new))
        .param("idemKeys", batch.stream().map(StoredRequest::idempotencyKey).toArray(String[]::new))
        .param("idemHashes", batch.stream().map(StoredRequest::idempotencyHash).toArray(String[]::new))
        .query(UUID.class)
        .list());
  }

  /** One PENDING row per request and service. */
  void insertServices(OrgId org, List<UUID> requestIds, List<String> services, Instant now) {
    jdbc.sql(
            """
            insert into gdpr_request_services (org_id, request_id, service, status, updated_at)
            select :org, r, s, 'PENDING', :now from unnest(:ids::uuid[]) r cross join unnest(:services::text[]) s
            """)
        .param("org", org.value())
        .param("ids", requestIds.stream().map(UUID::toString).toArray(String[]::new))
        .param("services", services.toArray(String[]::new))
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Makes the requests one set: each lists every other one as related (n rows, not n(n-1) pairs). */
  void linkAll(OrgId org, Collection<UUID> set) {
    jdbc.sql(
            """
            insert into gdpr_request_set_members (org_id, set_id, request_id)
            select :org, :set, r from unnest(:ids::uuid[]) r
            on conflict do nothing
            """)
        .param("org", org.value())
        .param("set", UUID.randomUUID())
        .param("ids", set.stream().map(UUID::toString).distinct().toArray(String[]::new))
        .update();
  }

  Optional<StoredRequest> find(OrgId org, UUID id) {
    return jdbc.sql("select * from gdpr_requests where org_id = :org and request_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  Optional<StoredRequest> findInFlight(OrgId org, RequestType type, String subjectKey) {
    return jdbc.sql(
            """
            select * from gdpr_requests where org_id = :org and request_type = :type and subject_key = :key
            and status not in ('COMPLETED', 'ERROR')
            """)
        .param("org", org.value())
        .param("type", type.name())
        .param("key", subjectKey)
        .query(this::map)
        .optional();
  }

  Optional<StoredRequest> findByIdempotencyKey(OrgId org, String key) {
    return jdbc.sql("select * from gdpr_requests where org_id = :org and idempotency_key = :key")
        .param("org", org.value())
        .param("key", key)
        .query(this::map)
        .optional();
  }

  List<StoredRequest> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from gdpr_requests where org_id = :org
            order by created_at desc, request_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from gdpr_requests where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  /** The other members of every set the request belongs to. */
  List<UUID> related(OrgId org, UUID id) {
    return jdbc.sql(
            """
            select distinct other.request_id from gdpr_request_set_members mine
            join gdpr_request_set_members other on other.org_id = mine.org_id and other.set_id = mine.set_id
            where mine.org_id = :org and mine.request_id = :id and other.request_id <> :id
            order by other.request_id
            """)
        .param("org", org.value())
        .param("id", id)
        .query(UUID.class)
        .list();
  }

  List<ServiceProgress> services(OrgId org, UUID id) {
    return jdbc.sql("select * from gdpr_request_services where org_id = :org and request_id = :id order by service")
        .param("org", org.value())
        .param("id", id)
        .query(this::mapProgress)
        .list();
  }

  /** Moves the request on, but never backwards and never out of a finished state. */
  void advance(OrgId org, UUID id, RequestStatus to, Instant now) {
    jdbc.sql(
            """
            update gdpr_requests set status = :to, updated_at = :now
            where org_id = :org and request_id = :id and status = any(:from::text[])
            """)
        .param("org", org.value())
        .param("id", id)
        .param("to", to.name())
        .param("now", Timestamp.from(now))
        .param("from", earlierThan(to))
        .update();
  }

  private static String[] earlierThan(RequestStatus to) {
    return java.util.Arrays.stream(RequestStatus.values())
        .filter(s -> !s.finished() && s.ordinal() < to.ordinal())
        .map(Enum::name)
        .toArray(String[]::new);
  }

  void serviceStarted(OrgId org, UUID id, String service, Instant now) {
    jdbc.sql(
            """
            update gdpr_request_services set status = 'RUNNING', attempts = attempts + 1, updated_at = :now
            where org_id = :org and request_id = :id and service = :service and status <> 'DONE'
            """)
        .param("org", org.value())
        .param("id", id)
        .param("service", service)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Records a service's outcome once: false if it was recorded already (a step run twice). */
  boolean serviceDone(OrgId org, UUID id, String service, ServiceOutcome outcome, Instant now) {
    return jdbc.sql(
            """
            update gdpr_request_services set status = 'DONE', matched = :matched, exported = :exported,
              updated = :updated, deleted = :deleted, anonymized = :anonymized, retained = :retained,
              reasons = :reasons::jsonb, error = null, updated_at = :now
            where org_id = :org and request_id = :id and service = :service and status <> 'DONE'
            """)
        .param("org", org.value())
        .param("id", id)
        .param("service", service)
        .param("matched", outcome.matched())
        .param("exported", outcome.exported())
        .param("updated", outcome.updated())
        .param("deleted", outcome.deleted())
        .param("anonymized", outcome.anonymized())
        .param("retained", outcome.retained())
        .param("reasons", write(outcome.reasons()))
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  void serviceFailed(OrgId org, UUID id, String service, String error, Instant now) {
    jdbc.sql(
            """
            update gdpr_request_services set status = 'ERROR', error = :error, updated_at = :now
            where org_id = :org and request_id = :id and service = :service
            """)
        .param("org", org.value())
        .param("id", id)
        .param("service", service)
        .param("error", error)
        .param("now", Timestamp.from(now))
        .update();
  }

  boolean allServicesDone(OrgId org, UUID id) {
    return jdbc.sql(
            "select bool_and(status = 'DONE') from gdpr_request_services where org_id = :org and request_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /**
   * Completes the request. An export's package is kept only if no erasure of its subject has
   * deleted its results meanwhile: false tells the caller to delete the package it assembled.
   */
  boolean complete(
      OrgId org, UUID id, Boolean verifiedErased, Integer packagesDeleted, String resultsBlob, Instant resultsExpireAt, Instant now) {
    List<Boolean> kept =
        jdbc.sql(
                """
                update gdpr_requests set status = 'COMPLETED', completed_at = :now, updated_at = :now,
                  verified_erased = :verified, packages_deleted = :packages,
                  results_blob = case when results_erased_at is null then cast(:blob as text) end,
                  results_expire_at = case when results_erased_at is null then cast(:expires as timestamptz) end
                where org_id = :org and request_id = :id and status not in ('COMPLETED', 'ERROR')
                returning results_blob is not null
                """)
            .param("org", org.value())
            .param("id", id)
            .param("verified", verifiedErased)
            .param("packages", packagesDeleted)
            .param("blob", resultsBlob)
            .param("expires", resultsExpireAt == null ? null : Timestamp.from(resultsExpireAt))
            .param("now", Timestamp.from(now))
            .query(Boolean.class)
            .list();
    return !kept.isEmpty() && kept.get(0);
  }

  /** What the search after an erasure still found in each service. */
  void stillFound(OrgId org, UUID id, Map<String, Long> perService) {
    perService.forEach(
        (service, count) ->
            jdbc.sql(
                    """
                    update gdpr_request_services set still_found = :count
                    where org_id = :org and request_id = :id and service = :service
                    """)
                .param("org", org.value())
                .param("id", id)
                .param("service", service)
                .param("count", count)
                .update());
  }

  /** How many export packages a completed erasure deleted; null for other requests. */
  Optional<Integer> packagesDeleted(OrgId org, UUID id) {
    return jdbc.sql("select packages_deleted from gdpr_requests where org_id = :org and request_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query((rs, row) -> (Integer) rs.getObject(1))
        .optional()
        .flatMap(Optional::ofNullable);
  }

  void fail(OrgId org, UUID id, String reason, Instant now) {
    jdbc.sql(
            """
            update gdpr_requests set status = 'ERROR', error_reason = :reason, updated_at = :now
            where org_id = :org and request_id = :id and status not in ('COMPLETED', 'ERROR')
            """)
        .param("org", org.value())
        .param("id", id)
        .param("reason", reason)
        .param("now", Timestamp.from(now))
        .update();
  }

  private StoredRequest map(ResultSet rs, int row) throws SQLException {
    String replacements = rs.getString("replacement_terms");
    Timestamp completed = rs.getTimestamp("completed_at");
    Timestamp expires = rs.getTimestamp("results_expire_at");
    Object verified = rs.getObject("verified_erased");
    return new StoredRequest(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("request_id", UUID.class),
        rs.getString("name"),
        RequestType.valueOf(rs.getString("request_type")),
        RequestStatus.valueOf(rs.getString("status")),
        read(rs.getString("subject"), GdprSubject.class),
        rs.getString("subject_key"),
        read(rs.getString("terms"), SubjectTerms.class),
        replacements == null ? null : read(replacements, REPLACEMENTS),
        rs.getString("created_by_client"),
        rs.getString("created_by_name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        completed == null ? null : completed.toInstant(),
        rs.getObject("due_date", java.time.LocalDate.class),
        rs.getObject("original_due_date", java.time.LocalDate.class),
        rs.getString("extension_reason"),
        rs.getString("error_reason"),
        rs.getString("results_blob"),
        expires == null ? null : expires.toInstant(),
        verified == null ? null : (Boolean) verified,
        rs.getString("idempotency_key"),
        rs.getString("idempotency_hash"));
  }

  private ServiceProgress mapProgress(ResultSet rs, int row) throws SQLException {
    return new ServiceProgress(
        rs.getString("service"),
        rs.getString("status"),
        rs.getLong("matched"),
        rs.getLong("exported"),
        rs.getLong("updated"),
        rs.getLong("deleted"),
        rs.getLong("anonymized"),
        rs.getLong("retained"),
        read(rs.getString("reasons"), STRINGS),
        rs.getString("error"),
        rs.getInt("attempts"),
        (Long) rs.getObject("still_found"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write request JSON", e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored request JSON is unreadable", e);
    }
  }

  private <T> T read(String value, TypeReference<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored request JSON is unreadable", e);
    }
  }
}

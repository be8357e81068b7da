package io.datarights.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

  private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AuditRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Serializes appends per org until the transaction ends, so that the chain has no forks. */
  void lockChain(OrgId org) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.audit'), hashtext(:org))")
        .param("org", org.toString())
        .query()
        .singleRow();
  }

  Optional<AuditEntry> last(OrgId org) {
    return jdbc.sql("select * from audit_log where org_id = :org order by seq desc limit 1")
        .param("org", org.value())
        .query(this::map)
        .optional();
  }

  void insert(OrgId org, AuditEntry e) {
    jdbc.sql(
            """
            insert into audit_log (org_id, seq, occurred_at, action, actor, target_type, target_id, details, prev_hash, hash_version, hash)
            values (:org, :seq, :at, :action, :actor, :targetType, :targetId, :details::jsonb, :prev, :version, :hash)
            """)
        .param("org", org.value())
        .param("seq", e.seq())
        .param("at", Timestamp.from(e.occurredAt()))
        .param("action", e.action())
        .param("actor", e.actor())
        .param("targetType", e.targetType())
        .param("targetId", e.targetId())
        .param("details", write(e.details()))
        .param("prev", e.prevHash())
        .param("version", e.hashVersion())
        .param("hash", e.hash())
        .update();
  }

  /** Entries of one org in one statement, for a batch appended at once. */
  void insertAll(OrgId org, List<AuditEntry> batch) {
    jdbc.sql(
            """
            insert into audit_log (org_id, seq, occurred_at, action, actor, target_type, target_id, details, prev_hash, hash_version, hash)
            select :org, e.seq, :at, e.action, e.actor, e.target_type, e.target_id, e.details, e.prev_hash, e.hash_version, e.hash
            from unnest(:seqs::bigint[], :actions::text[], :actors::text[], :targetTypes::text[], :targetIds::text[],
              :details::jsonb[], :prevs::text[], :versions::int[], :hashes::text[])
              as e(seq, action, actor, target_type, target_id, details, prev_hash, hash_version, hash)
            """)
        .param("org", org.value())
        .param("at", Timestamp.from(batch.get(0).occurredAt()))
        .param("seqs", batch.stream().map(e -> Long.toString(e.seq())).toArray(String[]::new))
        .param("actions", batch.stream().map(AuditEntry::action).toArray(String[]::new))
        .param("actors", batch.stream().map(AuditEntry::actor).toArray(String[]::new))
        .param("targetTypes", batch.stream().map(AuditEntry::targetType).toArray(String[]::new))
        .param("targetIds", batch.stream().map(AuditEntry::targetId).toArray(String[]::new))
        .param("details", batch.stream().map(e -> write(e.details())).toArray(String[]::new))
        .param("prevs", batch.stream().map(AuditEntry::prevHash).toArray(String[]::new))
        .param("versions", batch.stream().map(e -> Integer.toString(e.hashVersion())).toArray(String[]::new))
        .param("hashes", batch.stream().map(AuditEntry::hash).toArray(String[]::new))
        .update();
  }

  List<AuditEntry> page(OrgId org, String action, String targetId, PageParams page) {
    return jdbc.sql(
            """
            select * from audit_log where org_id = :org
              and (cast(:action as text) is null or action = :action)
              and (cast(:target as text) is null or target_id = :target)
            order by seq desc limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("action", action)
        .param("target", targetId)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(OrgId org, String action, String targetId) {
    return jdbc.sql(
            """
            select count(*) from audit_log where org_id = :org
              and (cast(:action as text) is null or action = :action)
              and (cast(:target as text) is null or target_id = :target)
            """)
        .param("org", org.value())
        .param("action", action)
        .param("target", targetId)
        .query(Long.class)
        .single();
  }

  /** The actions that occur in an org's trail, for the console's filter. */
  List<String> actions(OrgId org) {
    return jdbc.sql("select distinct action from audit_log where org_id = :org order by action")
        .param("org", org.value())
        .query(String.class)
        .list();
  }

  /** Walks an org's chain in order, a thousand entries at a time, never holding it whole. */
  void forEachInOrder(OrgId org, Consumer<AuditEntry> consumer) {
    long after = Long.MIN_VALUE;
    while (true) {
      List<AuditEntry> batch =
          jdbc.sql("select * from audit_log where org_id = :org and seq > :after order by seq limit 1000")
              .param("org", org.value())
              .param("after", after)
              .query(this::map)
              .list();
      batch.forEach(consumer);
      if (batch.size() < 1000) {
        return;
      }
      after = batch.get(batch.size() - 1).seq();
    }
  }

  List<OrgId> orgsWithEntries() {
    return jdbc.sql("select distinct org_id from audit_log order by org_id")
        .query((rs, row) -> new OrgId(rs.getObject(1, UUID.class)))
        .list();
  }

  private AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("action"),
        rs.getString("actor"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        read(rs.getString("details")),
        rs.getString("prev_hash"),
        rs.getInt("hash_version"),
        rs.getString("hash"));
  }

  private String write(Map<String, String> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> read(String details) {
    try {
      return json.readValue(details, DETAILS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

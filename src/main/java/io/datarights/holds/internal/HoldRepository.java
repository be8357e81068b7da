package io.datarights.holds.internal;

import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code legal_holds}; released holds stay and are listed. */
@Repository
class HoldRepository {

  private final JdbcClient jdbc;

  HoldRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredHold hold) {
    jdbc.sql(
            """
            insert into legal_holds (org_id, hold_id, subject_type, subject_id, subject_scope, reason, expires,
                                     created_by, created_at)
            values (:org, :id, :type, :subjectId, :scope, :reason, :expires, :createdBy, :createdAt)
            """)
        .param("org", hold.org().value())
        .param("id", hold.id())
        .param("type", hold.subject().type().name())
        .param("subjectId", hold.subject().id())
        .param("scope", hold.subject().scope())
        .param("reason", hold.reason())
        .param("expires", hold.expires())
        .param("createdBy", hold.createdBy())
        .param("createdAt", Timestamp.from(hold.createdAt()))
        .update();
  }

  Optional<StoredHold> find(OrgId org, UUID id) {
    return jdbc.sql("select * from legal_holds where org_id = :org and hold_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(HoldRepository::map)
        .optional();
  }

  List<StoredHold> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from legal_holds where org_id = :org
            order by created_at desc, hold_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(HoldRepository::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from legal_holds where org_id = :org").param("org", org.value()).query(Long.class).single();
  }

  /** Holds not released and not expired on {@code today}, oldest first. */
  List<StoredHold> active(OrgId org, LocalDate today) {
    return jdbc.sql(
            """
            select * from legal_holds
            where org_id = :org and released_at is null and (expires is null or expires >= :today)
            order by created_at, hold_id
            """)
        .param("org", org.value())
        .param("today", today)
        .query(HoldRepository::map)
        .list();
  }

  /** False when the hold does not exist or was released already. */
  boolean release(OrgId org, UUID id, String releasedBy, Instant now) {
    return jdbc.sql(
                """
                update legal_holds set released_at = :now, released_by = :by
                where org_id = :org and hold_id = :id and released_at is null
                """)
            .param("org", org.value())
            .param("id", id)
            .param("by", releasedBy)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  private static StoredHold map(ResultSet rs, int row) throws SQLException {
    Timestamp released = rs.getTimestamp("released_at");
    return new StoredHold(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("hold_id", UUID.class),
        new SubjectRef(SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_id"), rs.getString("subject_scope")),
        rs.getString("reason"),
        rs.getObject("expires", LocalDate.class),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("released_by"),
        released == null ? null : released.toInstant());
  }
}

package io.datarights.recipients.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code recipients}; deleted recipients are kept for the record but found by none of these. */
@Repository
class RecipientRepository {

  private final JdbcClient jdbc;

  RecipientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredRecipient recipient) {
    jdbc.sql(
            """
            insert into recipients (org_id, recipient_id, name, url, secret_encrypted, events, active, created_by, created_at)
            values (:org, :id, :name, :url, :secret, :events, :active, :createdBy, :createdAt)
            """)
        .param("org", recipient.org().value())
        .param("id", recipient.id())
        .param("name", recipient.name())
        .param("url", recipient.url())
        .param("secret", recipient.secretEncrypted())
        .param("events", recipient.events().stream().map(Enum::name).toArray(String[]::new))
        .param("active", recipient.active())
        .param("createdBy", recipient.createdBy())
        .param("createdAt", Timestamp.from(recipient.createdAt()))
        .update();
  }

  Optional<StoredRecipient> find(OrgId org, UUID id) {
    return jdbc.sql("select * from recipients where org_id = :org and recipient_id = :id and deleted_at is null")
        .param("org", org.value())
        .param("id", id)
        .query(RecipientRepository::map)
        .optional();
  }

  List<StoredRecipient> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from recipients where org_id = :org and deleted_at is null
            order by created_at, recipient_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(RecipientRepository::map)
        .list();
  }

  /** Serializes the registrations of one org until the transaction ends. */
  void lockOrg(OrgId org) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.recipients'), hashtext(:org))")
        .param("org", org.toString())
        .query()
        .singleRow();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from recipients where org_id = :org and deleted_at is null")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  /** Marks the recipient deleted and wipes its secret, which nothing may sign with any more. */
  boolean delete(OrgId org, UUID id, Instant now) {
    return jdbc.sql(
                """
                update recipients set deleted_at = :now, active = false, secret_encrypted = null
                where org_id = :org and recipient_id = :id and deleted_at is null
                """)
            .param("org", org.value())
            .param("id", id)
            .param("now", Timestamp.from(now))
            .update()
        == 1;
  }

  private static StoredRecipient map(ResultSet rs, int row) throws SQLException {
    return new StoredRecipient(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("recipient_id", UUID.class),
        rs.getString("name"),
        rs.getString("url"),
        rs.getBytes("secret_encrypted"),
        Arrays.stream((String[]) rs.getArray("events").getArray()).map(RecipientEvent::valueOf).toList(),
        rs.getBoolean("active"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant());
  }
}

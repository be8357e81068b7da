package io.datarights.directory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.identifiers.Emails;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

  private static final TypeReference<List<PhoneNumber>> PHONES = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  UserRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  void insert(StoredUser user) {
    jdbc.sql(
            """
            insert into directory_users (org_id, user_id, name, email, email_key, title, state, phone_numbers,
                                         personal_status, version, created_at, updated_at)
            values (:org, :id, :name, :email, :emailKey, :title, :state, cast(:phones as jsonb),
                    :status, :version, :created, :updated)
            """)
        .param("org", user.orgId().value())
        .param("id", user.id())
        .param("name", user.name())
        .param("email", user.email())
        .param("emailKey", emailKey(user.email()))
        .param("title", user.title())
        .param("state", user.state())
        .param("phones", write(user.phoneNumbers()))
        .param("status", user.personalStatus())
        .param("version", user.version())
        .param("created", utc(user.createdAt()))
        .param("updated", utc(user.updatedAt()))
        .update();
  }

  /** Writes the user if it is still at {@code expectedVersion}; false if someone changed it meanwhile. */
  boolean update(StoredUser user, int expectedVersion) {
    return jdbc.sql(
                """
                update directory_users
                set name = :name, email = :email, email_key = :emailKey, title = :title, state = :state,
                    phone_numbers = cast(:phones as jsonb), personal_status = :status, version = :version,
                    updated_at = :updated, anonymized_at = :anonymized
                where org_id = :org and user_id = :id and version = :expected
                """)
            .param("org", user.orgId().value())
            .param("id", user.id())
            .param("name", user.name())
            .param("email", user.email())
            .param("emailKey", emailKey(user.email()))
            .param("title", user.title())
            .param("state", user.state())
            .param("phones", write(user.phoneNumbers()))
            .param("status", user.personalStatus())
            .param("version", user.version())
            .param("updated", utc(user.updatedAt()))
            .param("anonymized", user.anonymizedAt() == null ? null : utc(user.anonymizedAt()))
            .param("expected", expectedVersion)
            .update()
        == 1;
  }

  Optional<StoredUser> find(OrgId org, UUID id) {
    return jdbc.sql("select * from directory_users where org_id = :org and user_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** The users with these ids, for reading and (with lock) for changing them in a transaction. */
  List<StoredUser> findAll(OrgId org, Collection<UUID> ids, boolean lock) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from directory_users where org_id = :org and user_id = any(:ids) order by user_id"
                + (lock ? " for update" : ""))
        .param("org", org.value())
        .param("ids", ids.toArray(UUID[]::new))
        .query(this::map)
        .list();
  }

  /** One page ordered by name; {@code state} null lists every state. */
  List<StoredUser> list(OrgId org, String state, PageParams page) {
    return jdbc.sql(
            """
            select * from directory_users
            where org_id = :org and (cast(:state as text) is null or state = :state)
            order by lower(name), user_id
            limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("state", state)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(OrgId org, String state) {
    return jdbc.sql(
            "select count(*) from directory_users where org_id = :org and (cast(:state as text) is null or state = :state)")
        .param("org", org.value())
        .param("state", state)
        .query(Long.class)
        .single();
  }

  /** Whether another user of the org has this e-mail address (compared normalized). */
  boolean emailTaken(OrgId org, String email, UUID exceptUser) {
    return jdbc.sql(
            """
            select exists (select 1 from directory_users
                           where org_id = :org and email_key = :key and user_id <> :except)
            """)
        .param("org", org.value())
        .param("key", emailKey(email))
        .param("except", exceptUser)
        .query(Boolean.class)
        .single();
  }

  boolean delete(OrgId org, UUID id) {
    return jdbc.sql("delete from directory_users where org_id = :org and user_id = :id")
            .param("org", org.value())
            .param("id", id)
            .update()
        == 1;
  }

  /** Personal statuses after a user id (keyset paging), for the PII scanner. */
  List<String[]> personalStatusesAfter(OrgId org, UUID after, int limit) {
    return jdbc.sql(
            """
            select user_id, personal_status from directory_users
            where org_id = :org and user_id > :after and personal_status is not null
            order by user_id limit :limit
            """)
        .param("org", org.value())
        .param("after", after)
        .param("limit", limit)
        .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  private StoredUser map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime anonymized = rs.getObject("anonymized_at", OffsetDateTime.class);
    return new StoredUser(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("user_id", UUID.class),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("title"),
        rs.getString("state"),
        read(rs.getString("phone_numbers")),
        rs.getString("personal_status"),
        rs.getInt("version"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        anonymized == null ? null : anonymized.toInstant());
  }

  private static String emailKey(String email) {
    return email == null ? null : Emails.normalize(email);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private String write(List<PhoneNumber> phones) {
    try {
      return json.writeValueAsString(phones);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("phone numbers not serializable", e);
    }
  }

  private List<PhoneNumber> read(String value) {
    try {
      return json.readValue(value, PHONES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("phone_numbers column unreadable", e);
    }
  }
}

package io.datarights.outbound.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContactListRepository {

  private static final TypeReference<List<TypedColumn>> TYPED_COLUMNS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ContactListRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A list with its number of contacts, as the API shows it. */
  record Sized(ContactList list, long size) {}

  void insert(ContactList list) {
    jdbc.sql(
            """
            insert into outbound_contact_lists
              (org_id, list_id, name, column_names, phone_columns, email_columns, created_at)
            values (:org, :id, :name, :columns, :phones::jsonb, :emails::jsonb, :created)
            """)
        .param("org", list.org().value())
        .param("id", list.id())
        .param("name", list.name())
        .param("columns", list.columnNames().toArray(String[]::new))
        .param("phones", write(list.phoneColumns()))
        .param("emails", write(list.emailColumns()))
        .param("created", Timestamp.from(list.createdAt()))
        .update();
  }

  void update(ContactList list) {
    jdbc.sql(
            """
            update outbound_contact_lists
            set name = :name, column_names = :columns, phone_columns = :phones::jsonb, email_columns = :emails::jsonb
            where org_id = :org and list_id = :id
            """)
        .param("org", list.org().value())
        .param("id", list.id())
        .param("name", list.name())
        .param("columns", list.columnNames().toArray(String[]::new))
        .param("phones", write(list.phoneColumns()))
        .param("emails", write(list.emailColumns()))
        .update();
  }

  Optional<ContactList> find(OrgId org, UUID id) {
    return jdbc.sql("select * from outbound_contact_lists where org_id = :org and list_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /** The list, locked until the transaction ends, so that its columns cannot change under a write. */
  Optional<ContactList> findForUpdate(OrgId org, UUID id) {
    return jdbc.sql("select * from outbound_contact_lists where org_id = :org and list_id = :id for update")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  /**
   * The list, share-locked: contacts may be written concurrently, but the list's columns cannot
   * change (PUT takes the update lock) until the transaction ends.
   */
  Optional<ContactList> findForShare(OrgId org, UUID id) {
    return jdbc.sql("select * from outbound_contact_lists where org_id = :org and list_id = :id for share")
        .param("org", org.value())
        .param("id", id)
        .query(this::map)
        .optional();
  }

  List<ContactList> findAll(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from outbound_contact_lists where org_id = :org and list_id = any(:ids::uuid[])")
        .param("org", org.value())
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(this::map)
        .list();
  }

  List<Sized> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select l.*,
                   (select count(*) from outbound_contacts c
                    where c.org_id = l.org_id and c.list_id = l.list_id) as size
            from outbound_contact_lists l
            where l.org_id = :org
            order by l.created_at, l.list_id
            limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query((rs, row) -> new Sized(map(rs, row), rs.getLong("size")))
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from outbound_contact_lists where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  /** Whether another list of the org has this name (names are unique ignoring case). */
  boolean nameTaken(OrgId org, String name, UUID exceptId) {
    return jdbc.sql(
            """
            select exists (select 1 from outbound_contact_lists
                           where org_id = :org and lower(name) = lower(:name) and list_id <> :except)
            """)
        .param("org", org.value())
        .param("name", name)
        .param("except", exceptId)
        .query(Boolean.class)
        .single();
  }

  /** Deletes the list; its contacts go with it (foreign key cascade). */
  boolean delete(OrgId org, UUID id) {
    return jdbc.sql("delete from outbound_contact_lists where org_id = :org and list_id = :id")
            .param("org", org.value())
            .param("id", id)
            .update()
        == 1;
  }

  private ContactList map(ResultSet rs, int row) throws SQLException {
    return new ContactList(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("list_id", UUID.class),
        rs.getString("name"),
        Arrays.asList((String[]) rs.getArray("column_names").getArray()),
        read(rs.getString("phone_columns")),
        read(rs.getString("email_columns")),
        rs.getTimestamp("created_at").toInstant());
  }

  private String write(List<TypedColumn> columns) {
    try {
      return json.writeValueAsString(columns);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("typed columns are always serializable", e);
    }
  }

  private List<TypedColumn> read(String text) {
    try {
      return json.readValue(text, TYPED_COLUMNS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored typed columns are not readable", e);
    }
  }
}

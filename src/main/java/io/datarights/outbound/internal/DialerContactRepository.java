package io.datarights.outbound.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class DialerContactRepository {

  private static final TypeReference<LinkedHashMap<String, String>> DATA = new TypeReference<>() {};
  private static final String COPY_SQL =
      "copy outbound_contacts (org_id, list_id, contact_id, data, callable) from stdin";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final ObjectMapper json;

  DialerContactRepository(JdbcClient jdbc, DataSource dataSource, ObjectMapper json) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.json = json;
  }

  /** Inserts contacts in one statement, in the given order. */
  void insertAll(OrgId org, UUID listId, List<StoredContact> contacts) {
    if (contacts.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into outbound_contacts (org_id, list_id, contact_id, data, callable)
            select :org, :list, id, data, callable
            from unnest(:ids::uuid[], :data::jsonb[], :callable::boolean[]) with ordinality as t(id, data, callable, n)
            order by n
            """)
        .param("org", org.value())
        .param("list", listId)
        .param("ids", contacts.stream().map(c -> c.id().toString()).toArray(String[]::new))
        .param("data", contacts.stream().map(c -> write(c.data())).toArray(String[]::new))
        .param("callable", contacts.stream().map(StoredContact::callable).toArray(Boolean[]::new))
        .update();
  }

  /**
   * Rows for {@link #copy}: PostgreSQL COPY text format, one contact a line. Built by the caller in
   * chunks, so that an import holds a few thousand rows in memory, never the whole file.
   */
  final class CopyRows {
    private final StringBuilder text = new StringBuilder();
    private final String prefix;
    private int count;

    CopyRows(OrgId org, UUID listId) {
      this.prefix = org.value() + "\t" + listId + "\t";
    }

    void add(UUID contactId, Map<String, String> data) {
      text.append(prefix).append(contactId).append('\t');
      escapeInto(text, write(data));
      text.append("\tt\n");
      count++;
    }

    int count() {
      return count;
    }

    void clear() {
      text.setLength(0);
      count = 0;
    }
  }

  CopyRows copyRows(OrgId org, UUID listId) {
    return new CopyRows(org, listId);
  }

  /**
   * Writes the rows with PostgreSQL COPY on the transaction's own connection, so that they commit or
   * roll back with everything else the transaction wrote.
   */
  void copy(CopyRows rows) {
    if (rows.count() == 0) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("COPY must run inside the import's transaction");
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      byte[] bytes = rows.text.toString().getBytes(StandardCharsets.UTF_8);
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new ByteArrayInputStream(bytes));
    } catch (SQLException e) {
      throw new UncategorizedSQLException("copy contacts", COPY_SQL, e);
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory buffer cannot fail", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** COPY text format: backslash, tab and line breaks are escaped; JSON has no other specials. */
  private static void escapeInto(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }

  Optional<StoredContact> find(OrgId org, UUID listId, UUID contactId) {
    return jdbc.sql(
            "select * from outbound_contacts where org_id = :org and list_id = :list and contact_id = :id")
        .param("org", org.value())
        .param("list", listId)
        .param("id", contactId)
        .query(this::map)
        .optional();
  }

  List<StoredContact> findAll(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select * from outbound_contacts where org_id = :org and contact_id = any(:ids::uuid[])
            order by list_id, position
            """)
        .param("org", org.value())
        .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
        .query(this::map)
        .list();
  }

  List<StoredContact> page(OrgId org, UUID listId, PageParams page) {
    return jdbc.sql(
            """
            select * from outbound_contacts where org_id = :org and list_id = :list
            order by position limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("list", listId)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  /** The next rows of a list after a position (keyset paging through a whole list). */
  List<StoredContact> after(OrgId org, UUID listId, long position, int limit) {
    return jdbc.sql(
            """
            select * from outbound_contacts where org_id = :org and list_id = :list and position > :after
            order by position limit :limit
            """)
        .param("org", org.value())
        .param("list", listId)
        .param("after", position)
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  /** The next contact ids of a list after a position, with their positions. */
  List<StoredContact> idsAfter(OrgId org, UUID listId, long position, int limit) {
    return jdbc.sql(
            """
            select contact_id, list_id, position from outbound_contacts
            where org_id = :org and list_id = :list and position > :after
            order by position limit :limit
            """)
        .param("org", org.value())
        .param("list", listId)
        .param("after", position)
        .param("limit", limit)
        .query((rs, row) -> new StoredContact(
            rs.getObject("contact_id", UUID.class), rs.getObject("list_id", UUID.class), Map.of(), true, rs.getLong("position")))
        .list();
  }

  long count(OrgId org, UUID listId) {
    return jdbc.sql("select count(*) from outbound_contacts where org_id = :org and list_id = :list")
        .param("org", org.value())
        .param("list", listId)
        .query(Long.class)
        .single();
  }

  boolean update(OrgId org, UUID contactId, Map<String, String> data, boolean callable) {
    return jdbc.sql(
                """
                update outbound_contacts set data = :data::jsonb, callable = :callable
                where org_id = :org and contact_id = :id
                """)
            .param("org", org.value())
            .param("id", contactId)
            .param("data", write(data))
            .param("callable", callable)
            .update()
        == 1;
  }

  /** Removes columns from every contact of a list. */
  void dropColumns(OrgId org, UUID listId, Collection<String> columns) {
    if (columns.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update outbound_contacts set data = data - :columns::text[]
            where org_id = :org and list_id = :list and jsonb_exists_any(data, :columns::text[])
            """)
        .param("org", org.value())
        .param("list", listId)
        .param("columns", columns.toArray(String[]::new))
        .update();
  }

  boolean delete(OrgId org, UUID contactId) {
    return jdbc.sql("delete from outbound_contacts where org_id = :org and contact_id = :id")
            .param("org", org.value())
            .param("id", contactId)
            .update()
        == 1;
  }

  long deleteAll(OrgId org, Collection<UUID> contactIds) {
    if (contactIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("delete from outbound_contacts where org_id = :org and contact_id = any(:ids::uuid[])")
        .param("org", org.value())
        .param("ids", contactIds.stream().map(UUID::toString).toArray(String[]::new))
        .update();
  }

  private StoredContact map(ResultSet rs, int row) throws SQLException {
    return new StoredContact(
        rs.getObject("contact_id", UUID.class),
        rs.getObject("list_id", UUID.class),
        read(rs.getString("data")),
        rs.getBoolean("callable"),
        rs.getLong("position"));
  }

  private String write(Map<String, String> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always serializable", e);
    }
  }

  private Map<String, String> read(String text) {
    try {
      return json.readValue(text, DATA);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored contact data is not readable", e);
    }
  }
}

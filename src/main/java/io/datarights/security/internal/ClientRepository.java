package io.datarights.security.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClientRepository {

  private final JdbcClient jdbc;

  ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredClient client) {
    jdbc.sql(
            """
            insert into oauth_clients (org_id, client_id, name, secret_hash, permissions, created_at)
            values (:org, :id, :name, :hash, :permissions, :created)
            """)
        .param("org", client.orgId().value())
        .param("id", client.clientId())
        .param("name", client.name())
        .param("hash", client.secretHash())
        .param("permissions", client.permissions().toArray(String[]::new))
        .param("created", Timestamp.from(client.createdAt()))
        .update();
  }

  boolean existsAnywhere(String clientId) {
    return jdbc.sql("select exists (select 1 from oauth_clients where client_id = :id)")
        .param("id", clientId)
        .query(Boolean.class)
        .single();
  }

  /** Looks a client up by id alone, as the token endpoint must. */
  Optional<StoredClient> findForAuthentication(String clientId) {
    return jdbc.sql("select * from oauth_clients where client_id = :id")
        .param("id", clientId)
        .query(ClientRepository::map)
        .optional();
  }

  Optional<StoredClient> find(OrgId org, String clientId) {
    return jdbc.sql("select * from oauth_clients where org_id = :org and client_id = :id")
        .param("org", org.value())
        .param("id", clientId)
        .query(ClientRepository::map)
        .optional();
  }

  boolean exists(OrgId org, String clientId) {
    return jdbc.sql("select exists (select 1 from oauth_clients where org_id = :org and client_id = :id)")
        .param("org", org.value())
        .param("id", clientId)
        .query(Boolean.class)
        .single();
  }

  List<StoredClient> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from oauth_clients where org_id = :org
            order by created_at, client_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(ClientRepository::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from oauth_clients where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  boolean delete(OrgId org, String clientId) {
    return jdbc.sql("delete from oauth_clients where org_id = :org and client_id = :id")
            .param("org", org.value())
            .param("id", clientId)
            .update()
        == 1;
  }

  private static StoredClient map(ResultSet rs, int row) throws SQLException {
    return new StoredClient(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getString("client_id"),
        rs.getString("name"),
        rs.getString("secret_hash"),
        Arrays.asList((String[]) rs.getArray("permissions").getArray()),
        rs.getTimestamp("created_at").toInstant());
  }
}

package io.datarights.flows.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FlowRepository {

  private final JdbcClient jdbc;

  FlowRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredFlow flow) {
    jdbc.sql(
            """
            insert into flows (org_id, flow_id, name, description, prompt_texts, version, created_at, updated_at)
            values (:org, :id, :name, :description, :prompts, :version, :created, :updated)
            """)
        .param("org", flow.orgId().value())
        .param("id", flow.id())
        .param("name", flow.name())
        .param("description", flow.description())
        .param("prompts", flow.promptTexts().toArray(String[]::new))
        .param("version", flow.version())
        .param("created", utc(flow.createdAt()))
        .param("updated", utc(flow.updatedAt()))
        .update();
  }

  boolean update(StoredFlow flow, int expectedVersion) {
    return jdbc.sql(
                """
                update flows set name = :name, description = :description, prompt_texts = :prompts,
                                 version = :version, updated_at = :updated
                where org_id = :org and flow_id = :id and version = :expected
                """)
            .param("org", flow.orgId().value())
            .param("id", flow.id())
            .param("name", flow.name())
            .param("description", flow.description())
            .param("prompts", flow.promptTexts().toArray(String[]::new))
            .param("version", flow.version())
            .param("updated", utc(flow.updatedAt()))
            .param("expected", expectedVersion)
            .update()
        == 1;
  }

  Optional<StoredFlow> find(OrgId org, UUID id) {
    return jdbc.sql("select * from flows where org_id = :org and flow_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(FlowRepository::map)
        .optional();
  }

  List<StoredFlow> list(OrgId org, PageParams page) {
    return jdbc.sql(
            """
            select * from flows where org_id = :org
            order by lower(name), flow_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(FlowRepository::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from flows where org_id = :org").param("org", org.value()).query(Long.class).single();
  }

  /** Flows after an id (keyset paging in PostgreSQL's uuid order), for reading them all in batches. */
  List<StoredFlow> after(OrgId org, UUID after, int limit) {
    return jdbc.sql("select * from flows where org_id = :org and flow_id > :after order by flow_id limit :limit")
        .param("org", org.value())
        .param("after", after)
        .param("limit", limit)
        .query(FlowRepository::map)
        .list();
  }

  boolean delete(OrgId org, UUID id) {
    return jdbc.sql("delete from flows where org_id = :org and flow_id = :id")
            .param("org", org.value())
            .param("id", id)
            .update()
        == 1;
  }

  private static StoredFlow map(ResultSet rs, int row) throws SQLException {
    return new StoredFlow(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("flow_id", UUID.class),
        rs.getString("name"),
        rs.getString("description"),
        Arrays.asList((String[]) rs.getArray("prompt_texts").getArray()),
        rs.getInt("version"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

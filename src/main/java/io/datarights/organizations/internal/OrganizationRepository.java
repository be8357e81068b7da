package io.datarights.organizations.internal;

import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import io.datarights.shared.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository implements Organizations {

  private final JdbcClient jdbc;
  private final Clock clock;

  OrganizationRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<OrgId> allIds() {
    return jdbc.sql("select org_id from organizations order by org_id")
        .query((rs, row) -> new OrgId(rs.getObject(1, UUID.class)))
        .list();
  }

  /** @return false if an organization of that name (in any letter case) exists */
  boolean insertIfNameFree(Organization org) {
    return jdbc.sql(
                """
                insert into organizations (org_id, name, default_region, created_at)
                values (:id, :name, :region, :created)
                on conflict do nothing
                """)
            .param("id", org.id().value())
            .param("name", org.name())
            .param("region", org.defaultRegion())
            .param("created", Timestamp.from(org.createdAt()))
            .update()
        == 1;
  }

  @Override
  public Organization ensure(String name, String defaultRegion) {
    insertIfNameFree(new Organization(OrgId.random(), name, defaultRegion, Instant.now(clock)));
    return findByName(name).orElseThrow();
  }

  boolean isEmpty() {
    return !jdbc.sql("select exists (select 1 from organizations)").query(Boolean.class).single();
  }

  @Override
  public Optional<Organization> find(OrgId id) {
    return jdbc.sql("select * from organizations where org_id = :id")
        .param("id", id.value())
        .query(OrganizationRepository::map)
        .optional();
  }

  @Override
  public Optional<Organization> findByName(String name) {
    return jdbc.sql("select * from organizations where lower(name) = lower(:name)")
        .param("name", name)
        .query(OrganizationRepository::map)
        .optional();
  }

  private static Organization map(ResultSet rs, int row) throws SQLException {
    return new Organization(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getString("name"),
        rs.getString("default_region"),
        rs.getTimestamp("created_at").toInstant());
  }
}

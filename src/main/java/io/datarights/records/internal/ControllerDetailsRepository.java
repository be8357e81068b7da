package io.datarights.records.internal;

import io.datarights.records.ControllerDetails;
import io.datarights.shared.OrgId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ControllerDetailsRepository {

  private final JdbcClient jdbc;

  ControllerDetailsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredControllerDetails> find(OrgId org) {
    return jdbc.sql("select * from governance_controllers where org_id = :org")
        .param("org", org.value())
        .query(ControllerDetailsRepository::map)
        .optional();
  }

  /** Inserts or replaces the org's details; true if they were new. */
  boolean upsert(OrgId org, ControllerDetails d, Instant at, String by) {
    return jdbc.sql(
            """
            insert into governance_controllers (org_id, controller_name, address, contact_email, dpo_name, dpo_email,
                                                representative, supervisory_authority, modified_at, modified_by)
            values (:org, :name, :address, :contactEmail, :dpoName, :dpoEmail, :representative, :authority, :at, :by)
            on conflict (org_id) do update set
              controller_name = excluded.controller_name, address = excluded.address,
              contact_email = excluded.contact_email, dpo_name = excluded.dpo_name, dpo_email = excluded.dpo_email,
              representative = excluded.representative, supervisory_authority = excluded.supervisory_authority,
              modified_at = excluded.modified_at, modified_by = excluded.modified_by
            returning (xmax = 0) as inserted
            """)
        .param("org", org.value())
        .param("name", d.controllerName())
        .param("address", d.address())
        .param("contactEmail", d.contactEmail())
        .param("dpoName", d.dpoName())
        .param("dpoEmail", d.dpoEmail())
        .param("representative", d.representative())
        .param("authority", d.supervisoryAuthority())
        .param("at", Timestamp.from(at))
        .param("by", by)
        .query(Boolean.class)
        .single();
  }

  private static StoredControllerDetails map(ResultSet rs, int row) throws SQLException {
    return new StoredControllerDetails(
        new ControllerDetails(
            rs.getString("controller_name"),
            rs.getString("address"),
            rs.getString("contact_email"),
            rs.getString("dpo_name"),
            rs.getString("dpo_email"),
            rs.getString("representative"),
            rs.getString("supervisory_authority")),
        rs.getTimestamp("modified_at").toInstant(),
        rs.getString("modified_by"));
  }
}

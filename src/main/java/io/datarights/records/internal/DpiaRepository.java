package io.datarights.records.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DpiaRepository {

  private static final TypeReference<List<DpiaAnswers.Risk>> RISKS = new TypeReference<>() {};
  private static final TypeReference<List<InventoryEntry>> PROCESSING = new TypeReference<>() {};
  private static final TypeReference<List<RiskView>> BASELINE = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DpiaRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The next version number of the org, holding the org's DPIA numbering until the transaction ends. */
  int lockNextVersion(OrgId org) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.dpia'), hashtext(:org))")
        .param("org", org.toString())
        .query()
        .singleRow();
    return jdbc.sql("select coalesce(max(version), 0) + 1 from governance_dpias where org_id = :org")
        .param("org", org.value())
        .query(Integer.class)
        .single();
  }

  void insert(OrgId org, StoredDpia d) {
    jdbc.sql(
            """
            insert into governance_dpias (org_id, version, necessity, proportionality, risks, consulted_dpo, notes,
                                          processing, baseline_risks, product_measures, controller, created_at, created_by)
            values (:org, :version, :necessity, :proportionality, :risks::jsonb, :consultedDpo, :notes,
                    :processing::jsonb, :baseline::jsonb, :measures::jsonb, :controller::jsonb, :at, :by)
            """)
        .param("org", org.value())
        .param("version", d.version())
        .param("necessity", d.answers().necessity())
        .param("proportionality", d.answers().proportionality())
        .param("risks", write(d.answers().risks()))
        .param("consultedDpo", d.answers().consultedDpo())
        .param("notes", d.answers().notes())
        .param("processing", write(d.processing()))
        .param("baseline", write(d.baselineRisks()))
        .param("measures", write(d.productMeasures()))
        .param("controller", d.controller() == null ? null : write(d.controller()))
        .param("at", Timestamp.from(d.createdAt()))
        .param("by", d.createdBy())
        .update();
  }

  Optional<StoredDpia> find(OrgId org, int version) {
    return jdbc.sql("select * from governance_dpias where org_id = :org and version = :version")
        .param("org", org.value())
        .param("version", version)
        .query(this::map)
        .optional();
  }

  Optional<StoredDpia> latest(OrgId org) {
    return jdbc.sql("select * from governance_dpias where org_id = :org order by version desc limit 1")
        .param("org", org.value())
        .query(this::map)
        .optional();
  }

  /** A page of versions, newest first. */
  List<StoredDpia> page(OrgId org, PageParams page) {
    return jdbc.sql("select * from governance_dpias where org_id = :org order by version desc limit :limit offset :offset")
        .param("org", org.value())
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(this::map)
        .list();
  }

  long count(OrgId org) {
    return jdbc.sql("select count(*) from governance_dpias where org_id = :org")
        .param("org", org.value())
        .query(Long.class)
        .single();
  }

  private StoredDpia map(ResultSet rs, int row) throws SQLException {
    String controller = rs.getString("controller");
    return new StoredDpia(
        rs.getInt("version"),
        new DpiaAnswers(
            rs.getString("necessity"),
            rs.getString("proportionality"),
            read(rs.getString("risks"), RISKS),
            rs.getBoolean("consulted_dpo"),
            rs.getString("notes")),
        read(rs.getString("processing"), PROCESSING),
        read(rs.getString("baseline_risks"), BASELINE),
        read(rs.getString("product_measures"), new TypeReference<StoredDpia.ProductMeasuresSnapshot>() {}),
        controller == null ? null : read(controller, new TypeReference<ControllerDetails>() {}),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("created_by"));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

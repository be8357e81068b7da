package io.datarights.identifiers.internal;

import io.datarights.database.CopyWriter;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.IndexedRecord;
import io.datarights.identifiers.Normalization;
import io.datarights.organizations.Organization;
import io.datarights.organizations.Organizations;
import io.datarights.shared.OrgId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdentifierIndex implements IdentifierIndex {

  private static final String DEFAULT_REGION = "US";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final Organizations organizations;
  /** An org's region never changes, so it is read once. */
  private final Map<OrgId, String> regions = new ConcurrentHashMap<>();

  JdbcIdentifierIndex(JdbcClient jdbc, DataSource dataSource, Organizations organizations) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.organizations = organizations;
  }

  /** Rows per insert statement in bulk writes. */
  private static final int BATCH = 5_000;
  /** From this many rows on, COPY is several times faster than an insert statement. */
  private static final int COPY_THRESHOLD = 500;

  @Override
  public void replace(OrgId org, String service, String recordId, Collection<Identifier> identifiers) {
    remove(org, service, recordId);
    addAll(org, service, List.of(new RecordIdentifiers(recordId, identifiers)));
  }

  @Override
  public void addAll(OrgId org, String service, List<RecordIdentifiers> records) {
    String region = regionOf(org);
    Set<Row> rows = new LinkedHashSet<>();
    for (RecordIdentifiers record : records) {
      for (Identifier identifier : record.identifiers()) {
        Normalization.normalize(identifier.kind(), identifier.value(), region)
            .ifPresent(value -> rows.add(new Row(identifier.kind().name(), value, record.recordId())));
      }
      if (rows.size() >= BATCH) {
        insert(org, service, rows);
        rows.clear();
      }
    }
    insert(org, service, rows);
  }

  private record Row(String kind, String value, String recordId) {}

  private void insert(OrgId org, String service, Collection<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    if (rows.size() >= COPY_THRESHOLD) {
      copy(org, service, rows);
      return;
    }
    List<String> kinds = new ArrayList<>(rows.size());
    List<String> values = new ArrayList<>(rows.size());
    List<String> recordIds = new ArrayList<>(rows.size());
    for (Row row : rows) {
      kinds.add(row.kind());
      values.add(row.value());
      recordIds.add(row.recordId());
    }
    jdbc.sql(
            """
            insert into identifier_index (org_id, kind, normalized_value, service, record_id)
            select :org, k, v, :service, r
            from unnest(:kinds::text[], :values::text[], :records::text[]) as t(k, v, r)
            on conflict do nothing
            """)
        .param("org", org.value())
        .param("service", service)
        .param("kinds", kinds.toArray(String[]::new))
        .param("values", values.toArray(String[]::new))
        .param("records", recordIds.toArray(String[]::new))
        .update();
  }

  /**
   * Bulk writes add the rows of new records, distinct within the call (a set), so COPY needs no
   * conflict handling; a duplicate would fail the transaction rather than go unnoticed.
   */
  private void copy(OrgId org, String service, Collection<Row> rows) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try (CopyWriter copy = new CopyWriter(connection, "identifier_index", "org_id, kind, normalized_value, service, record_id")) {
      for (Row row : rows) {
        copy.row(org.value(), row.kind(), row.value(), service, row.recordId());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot copy identifiers", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  @Override
  public void removeAll(OrgId org, String service, Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            delete from identifier_index
            where org_id = :org and service = :service and record_id = any(:records::text[])
            """)
        .param("org", org.value())
        .param("service", service)
        .param("records", recordIds.toArray(String[]::new))
        .update();
  }

  @Override
  public void remove(OrgId org, String service, String recordId) {
    jdbc.sql("delete from identifier_index where org_id = :org and service = :service and record_id = :record")
        .param("org", org.value())
        .param("service", service)
        .param("record", recordId)
        .update();
  }

  @Override
  public List<IndexedRecord> lookup(OrgId org, IdentifierKind kind, String value) {
    return Normalization.normalize(kind, value, regionOf(org))
        .map(
            normalized ->
                jdbc.sql(
                        """
                        select service, record_id from identifier_index
                        where org_id = :org and kind = :kind and normalized_value = :value
                        order by service, record_id
                        """)
                    .param("org", org.value())
                    .param("kind", kind.name())
                    .param("value", normalized)
                    .query((rs, row) -> new IndexedRecord(rs.getString(1), rs.getString(2)))
                    .list())
        .orElse(List.of());
  }

  @Override
  public List<String> lookup(OrgId org, IdentifierKind kind, String value, String service) {
    return Normalization.normalize(kind, value, regionOf(org))
        .map(
            normalized ->
                jdbc.sql(
                        """
                        select record_id from identifier_index
                        where org_id = :org and kind = :kind and normalized_value = :value and service = :service
                        order by record_id
                        """)
                    .param("org", org.value())
                    .param("kind", kind.name())
                    .param("value", normalized)
                    .param("service", service)
                    .query(String.class)
                    .list())
        .orElse(List.of());
  }

  /**
   * One query per kind of identifier, each an index scan for all of its values ({@code = any}):
   * its cost follows the number of identifiers, not the size of the org's index, whatever plan a
   * join of the values with the index would get (a hash join reads the org's whole index).
   */
  @Override
  public Set<String> lookupAny(OrgId org, Collection<Identifier> identifiers, String service) {
    String region = regionOf(org);
    Map<IdentifierKind, Set<String>> byKind = new java.util.EnumMap<>(IdentifierKind.class);
    for (Identifier identifier : identifiers) {
      Normalization.normalize(identifier.kind(), identifier.value(), region)
          .ifPresent(value -> byKind.computeIfAbsent(identifier.kind(), k -> new LinkedHashSet<>()).add(value));
    }
    Set<String> found = new java.util.TreeSet<>();
    for (Map.Entry<IdentifierKind, Set<String>> kind : byKind.entrySet()) {
      found.addAll(
          jdbc.sql(
                  """
                  select record_id from identifier_index
                  where org_id = :org and kind = :kind and normalized_value = any(:values::text[]) and service = :service
                  """)
              .param("org", org.value())
              .param("kind", kind.getKey().name())
              .param("values", kind.getValue().toArray(String[]::new))
              .param("service", service)
              .query(String.class)
              .list());
    }
    return found;
  }

  @Override
  public String regionOf(OrgId org) {
    String cached = regions.get(org);
    if (cached != null) {
      return cached;
    }
    return organizations
        .find(org)
        .map(Organization::defaultRegion)
        .map(region -> {
          regions.put(org, region);
          return region;
        })
        .orElse(DEFAULT_REGION);
  }
}

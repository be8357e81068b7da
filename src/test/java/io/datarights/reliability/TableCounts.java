package io.datarights.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row counts of every table of the public schema in one query, to show that a rejected request
 * wrote nothing. The rate limiter's token buckets are left out: a bucket's state is throttling
 * bookkeeping, not data, and tests reset it to keep filing requests.
 */
final class TableCounts {

  static final Set<String> NOT_DATA = Set.of("rate_limit_buckets", "flyway_schema_history");

  private final JdbcClient jdbc;
  private final String query;

  TableCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
    List<String> tables =
        jdbc.sql("select tablename from pg_tables where schemaname = 'public' order by tablename").query(String.class).list()
            .stream()
            .filter(t -> !NOT_DATA.contains(t))
            .toList();
    this.query =
        tables.stream()
            .map(t -> "select '" + t + "' as t, count(*) as n from " + t)
            .collect(Collectors.joining(" union all "));
  }

  Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.sql(query).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /** Tables whose count differs, as "table: before -> after". */
  static Map<String, String> changes(Map<String, Long> before, Map<String, Long> after) {
    Map<String, String> changed = new LinkedHashMap<>();
    for (var entry : after.entrySet()) {
      Long was = before.get(entry.getKey());
      if (!entry.getValue().equals(was)) {
        changed.put(entry.getKey(), was + " -> " + entry.getValue());
      }
    }
    return changed;
  }

  /**
   * Waits until no one-off background work is left: no task but the recurring ones scheduled and no
   * GDPR request still running, so that the next snapshot sees only what the next request does.
   */
  void awaitQuiet() {
    awaitQuiet(java.util.Optional.empty());
  }

  /** As {@link #awaitQuiet()}, but a request a test keeps unfinished on purpose does not count. */
  void awaitQuiet(java.util.Optional<java.util.UUID> parked) {
    Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .pollDelay(java.time.Duration.ZERO)
        .pollInterval(java.time.Duration.ofMillis(20))
        .until(
            () ->
                jdbc.sql(
                        """
                        select (select count(*) from scheduled_tasks where task_instance <> 'recurring')
                             + (select count(*) from gdpr_requests where status not in ('COMPLETED', 'ERROR')
                                  and request_id is distinct from :parked)
                        """)
                    .param("parked", parked.orElse(null), java.sql.Types.OTHER)
                    .query(Long.class)
                    .single()
                    == 0);
  }
}

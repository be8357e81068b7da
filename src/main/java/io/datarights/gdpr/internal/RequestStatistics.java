package io.datarights.gdpr.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Requests as a privacy officer looks at them: filtered lists, counts and daily figures (UTC days). */
@Component
class RequestStatistics {

  private final JdbcClient jdbc;
  private final RequestRepository requests;
  private final Clock clock;

  RequestStatistics(JdbcClient jdbc, RequestRepository requests, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  java.util.Optional<StoredRequest> find(OrgId org, UUID id) {
    return requests.find(org, id);
  }

  List<StoredRequest> list(OrgId org, RequestFilter filter, PageParams page) {
    List<UUID> ids =
        bind(jdbc.sql("select request_id from gdpr_requests where " + filter.where()
                + " order by created_at desc, request_id limit :limit offset :offset"), org, filter)
            .param("limit", page.pageSize())
            .param("offset", page.offset())
            .query(UUID.class)
            .list();
    return ids.stream().map(id -> requests.find(org, id)).flatMap(java.util.Optional::stream).toList();
  }

  long count(OrgId org, RequestFilter filter) {
    return bind(jdbc.sql("select count(*) from gdpr_requests where " + filter.where()), org, filter).query(Long.class).single();
  }

  private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, OrgId org, RequestFilter filter) {
    sql = sql.param("org", org.value());
    if (filter.state() != null && !filter.state().equals("OPEN")) {
      sql = sql.param("state", filter.state());
    }
    if (filter.type() != null) {
      sql = sql.param("type", filter.type().name());
    }
    if (filter.dueWithinDays() != null) {
      sql = filter.dueWithinDays() < 0 ? sql.param("today", today()) : sql.param("dueBy", filter.dueBy(today()));
    }
    return sql;
  }

  record Counts(long open, long overdue, long dueSoon, long completedLast30Days, long failedLast30Days) {}

  Counts counts(OrgId org) {
    LocalDate today = today();
    Instant since = clock.instant().minus(java.time.Duration.ofDays(30));
    return jdbc.sql(
            """
            select
              count(*) filter (where status not in ('COMPLETED', 'ERROR')) as open,
              count(*) filter (where status not in ('COMPLETED', 'ERROR') and due_date < :today) as overdue,
              count(*) filter (where status not in ('COMPLETED', 'ERROR') and due_date >= :today and due_date <= :soon) as due_soon,
              count(*) filter (where status = 'COMPLETED' and completed_at >= :since) as completed,
              count(*) filter (where status = 'ERROR' and updated_at >= :since) as failed
            from gdpr_requests where org_id = :org
            """)
        .param("org", org.value())
        .param("today", today)
        .param("soon", today.plusDays(Deadlines.SOON_DAYS))
        .param("since", java.sql.Timestamp.from(since))
        .query((rs, row) -> new Counts(rs.getLong("open"), rs.getLong("overdue"), rs.getLong("due_soon"), rs.getLong("completed"), rs.getLong("failed")))
        .single();
  }

  /** Requests filed per UTC day and type, for the days from {@code first} to today. */
  Map<LocalDate, Map<RequestType, Long>> filedPerDay(OrgId org, LocalDate first) {
    Map<LocalDate, Map<RequestType, Long>> result = new HashMap<>();
    jdbc.sql(
            """
            select (created_at at time zone 'UTC')::date as day, request_type, count(*) as n
            from gdpr_requests where org_id = :org and created_at >= :since
            group by 1, 2
            """)
        .param("org", org.value())
        .param("since", java.sql.Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .query(
            rs -> {
              result.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new HashMap<>())
                  .put(RequestType.valueOf(rs.getString("request_type")), rs.getLong("n"));
            });
    return result;
  }

  record CompletionTimes(double medianSeconds, double slowestSeconds, long completed) {}

  /** How long completed requests took from filing to COMPLETED, per UTC day of completion. */
  Map<LocalDate, CompletionTimes> completionTimesPerDay(OrgId org, LocalDate first) {
    Map<LocalDate, CompletionTimes> result = new HashMap<>();
    jdbc.sql(
            """
            select (completed_at at time zone 'UTC')::date as day,
                   percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at)) as median,
                   max(extract(epoch from completed_at - created_at)) as slowest,
                   count(*) as n
            from gdpr_requests where org_id = :org and status = 'COMPLETED' and completed_at >= :since
            group by 1
            """)
        .param("org", org.value())
        .param("since", java.sql.Timestamp.from(first.atStartOfDay(ZoneOffset.UTC).toInstant()))
        .query(
            rs -> {
              result.put(rs.getObject("day", LocalDate.class),
                  new CompletionTimes(rs.getDouble("median"), rs.getDouble("slowest"), rs.getLong("n")));
            });
    return result;
  }
}

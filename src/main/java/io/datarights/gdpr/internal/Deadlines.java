package io.datarights.gdpr.internal;

import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art. 12(3) deadlines: one calendar month from receipt, extensible once by up to two further
 * months with a reason, and only before the first deadline passes (the subject must be told
 * within the first month). Overdue and soon-due requests are listed and exported as metrics.
 */
@Component
class Deadlines {

  static final int SOON_DAYS = 7;

  private final JdbcClient jdbc;
  private final RequestRepository requests;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Deadlines(JdbcClient jdbc, RequestRepository requests, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.events = events;
    this.clock = clock;
    Gauge.builder("datarights.gdpr.requests.overdue", () -> countOpen("due_date < :today"))
        .description("Unfinished GDPR requests past their Art. 12(3) due date, all orgs")
        .register(meters);
    Gauge.builder("datarights.gdpr.requests.due.soon", () -> countOpen("due_date >= :today and due_date <= :today + " + SOON_DAYS))
        .description("Unfinished GDPR requests due within " + SOON_DAYS + " days, all orgs")
        .register(meters);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  @Transactional
  StoredRequest extend(OrgId org, UUID id, Integer months, String reason, String actor) {
    if (months == null || months < 1 || months > 2) {
      throw ApiException.invalidValue("months", "months must be 1 or 2: Art. 12(3) allows two further months at most.");
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw ApiException.invalidValue("reason", "A reason (up to 2000 characters) is required: the subject must be told why.");
    }
    jdbc.sql("select 1 from gdpr_requests where org_id = :org and request_id = :id for update")
        .param("org", org.value()).param("id", id).query().listOfRows();
    StoredRequest request = requests.find(org, id).orElseThrow(() -> ApiException.notFound("GDPR request"));
    if (request.status().finished()) {
      throw ApiException.conflict("The request is finished; its deadline cannot be extended.");
    }
    if (request.extensionReason() != null) {
      throw ApiException.conflict("The deadline was extended already; Art. 12(3) allows one extension of up to two months.");
    }
    if (today().isAfter(request.originalDueDate())) {
      throw ApiException.conflict("The first deadline has passed; an extension had to be made within the first month.");
    }
    LocalDate extended = request.originalDueDate().plusMonths(months);
    jdbc.sql("update gdpr_requests set due_date = :due, extension_reason = :reason where org_id = :org and request_id = :id")
        .param("due", extended).param("reason", reason.strip()).param("org", org.value()).param("id", id).update();
    events.publishEvent(new AuditableEvent(org, "gdpr.deadline.extended", actor, "gdprRequest", id.toString(),
        Map.of("months", months.toString(), "dueDate", extended.toString())));
    return requests.find(org, id).orElseThrow();
  }

  /** Unfinished requests due before {@code until}, earliest first. */
  List<StoredRequest> openDueBefore(OrgId org, LocalDate until, PageParams page) {
    List<UUID> ids =
        jdbc.sql(
                """
                select request_id from gdpr_requests
                where org_id = :org and status not in ('COMPLETED', 'ERROR') and due_date <= :until
                order by due_date, created_at limit :limit offset :offset
                """)
            .param("org", org.value()).param("until", until).param("limit", page.pageSize()).param("offset", page.offset())
            .query(UUID.class).list();
    return ids.stream().map(id -> requests.find(org, id).orElseThrow()).toList();
  }

  long countOpenDueBefore(OrgId org, LocalDate until) {
    return jdbc.sql(
            "select count(*) from gdpr_requests where org_id = :org and status not in ('COMPLETED', 'ERROR') and due_date <= :until")
        .param("org", org.value()).param("until", until).query(Long.class).single();
  }

  private double countOpen(String condition) {
    return jdbc.sql("select count(*) from gdpr_requests where status not in ('COMPLETED', 'ERROR') and " + condition)
        .param("today", today())
        .query(Long.class)
        .single();
  }
}

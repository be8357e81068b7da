package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.datarights.shared.OrgId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deletes export packages once their links expire (they hold a subject's complete data). */
@Component
class ExpiredPackages {

  private final JdbcClient jdbc;
  private final PackageStore store;
  private final PackagedRecords packaged;
  private final Clock clock;

  ExpiredPackages(JdbcClient jdbc, PackageStore store, PackagedRecords packaged, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.packaged = packaged;
    this.clock = clock;
  }

  private record Expired(OrgId org, UUID requestId, String blob) {}

  /** @return how many packages were deleted */
  int deleteExpired() {
    var expired =
        jdbc.sql(
                """
                select org_id, request_id, results_blob from gdpr_requests
                where results_blob is not null and results_expire_at < :now
                """)
            .param("now", Timestamp.from(clock.instant()))
            .query((rs, row) -> new Expired(new OrgId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class), rs.getString(3)))
            .list();
    for (Expired e : expired) {
      store.delete(e.org(), e.blob());
      jdbc.sql("update gdpr_requests set results_blob = null where org_id = :org and request_id = :id")
          .param("org", e.org().value())
          .param("id", e.requestId())
          .update();
      packaged.forget(e.org(), e.requestId());
    }
    return expired.size();
  }

  @Configuration(proxyBeanMethods = false)
  static class Schedule {
    @Bean
    RecurringTask<Void> deleteExpiredPackages(ExpiredPackages packages) {
      return Tasks.recurring("gdpr-delete-expired-packages", FixedDelay.of(Duration.ofMinutes(10)))
          .execute((instance, context) -> packages.deleteExpired());
    }
  }
}

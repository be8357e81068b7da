package io.datarights.scanner.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.datarights.organizations.Organizations;
import io.datarights.shared.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Scans every org on a fixed delay ({@code datarights.scanner.interval}, daily by default). */
@Component
class ScheduledScans {

  static final String ACTOR = "pii-scanner";
  private static final Logger log = LoggerFactory.getLogger(ScheduledScans.class);

  private final Organizations organizations;
  private final PiiScanner scanner;

  ScheduledScans(Organizations organizations, PiiScanner scanner) {
    this.organizations = organizations;
    this.scanner = scanner;
  }

  /** One transaction per org: a failing org does not stop the others. @return orgs scanned */
  int scanAll() {
    int scanned = 0;
    for (OrgId org : organizations.allIds()) {
      try {
        scanner.scan(org, ScanRun.SCHEDULED, ACTOR);
        scanned++;
      } catch (RuntimeException e) {
        // The exception type only: a message could quote scanned data.
        log.warn("PII scan of org {} failed: {}", org, e.getClass().getName());
      }
    }
    return scanned;
  }

  @Configuration(proxyBeanMethods = false)
  static class Schedule {
    @Bean
    RecurringTask<Void> scanEveryOrg(ScheduledScans scans, ScannerProperties properties) {
      return Tasks.recurring("pii-scanner-scan-every-org", FixedDelay.of(properties.interval()))
          .execute((instance, context) -> scans.scanAll());
    }
  }
}

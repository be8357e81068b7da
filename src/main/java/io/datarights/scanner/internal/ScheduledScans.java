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

/**
 * Queues a scan of every org on a fixed delay ({@code datarights.scanner.interval}, daily by
 * default), through the same jobs as a scan asked for by a client; an org whose scan is still in
 * flight is left to it (and its task scheduled again, should it have been lost). Not rate limited:
 * the schedule is no client.
 */
@Component
class ScheduledScans {

  static final String ACTOR = "pii-scanner";
  private static final Logger log = LoggerFactory.getLogger(ScheduledScans.class);

  private final Organizations organizations;
  private final ScanJobs jobs;

  ScheduledScans(Organizations organizations, ScanJobs jobs) {
    this.organizations = organizations;
    this.jobs = jobs;
  }

  /** One transaction per org: a failing org does not stop the others. @return orgs whose scan was queued */
  int scanAll() {
    int queued = 0;
    for (OrgId org : organizations.allIds()) {
      try {
        if (jobs.queue(org, ScanRun.SCHEDULED, ACTOR).isPresent()) {
          queued++;
        } else {
          jobs.ensureTaskOfRunInFlight(org);
        }
      } catch (RuntimeException e) {
        log.warn("Queuing the PII scan of org {} failed: {}", org, e.getClass().getName());
      }
    }
    return queued;
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

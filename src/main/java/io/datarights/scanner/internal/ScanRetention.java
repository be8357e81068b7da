package io.datarights.scanner.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Deletes, once a day, every run that ended more than {@code datarights.scanner.findings-retention}
 * ago (90 days by default) with its findings: masked excerpts and keyed hashes are still data about
 * people, kept no longer than needed. Runs in flight are never touched; the audit trail keeps each
 * run's counts.
 */
@Component
class ScanRetention {

  /** Runs deleted per query: each delete takes the run's findings with it, one short statement each. */
  private static final int BATCH = 100;

  private final ScanRepository repository;
  private final ScannerProperties properties;
  private final Clock clock;

  ScanRetention(ScanRepository repository, ScannerProperties properties, Clock clock) {
    this.repository = repository;
    this.properties = properties;
    this.clock = clock;
  }

  /** @return the runs deleted */
  int prune() {
    Instant cutoff = clock.instant().minus(properties.findingsRetention());
    int deleted = 0;
    List<ScanRepository.RunKey> batch;
    do {
      batch = repository.endedBefore(cutoff, BATCH);
      batch.forEach(repository::delete);
      deleted += batch.size();
    } while (batch.size() == BATCH);
    return deleted;
  }

  @Configuration(proxyBeanMethods = false)
  static class Schedule {
    @Bean
    RecurringTask<Void> pruneOldScanRuns(ScanRetention retention) {
      return Tasks.recurring("pii-scanner-prune-old-runs", FixedDelay.of(Duration.ofDays(1)))
          .execute((instance, context) -> retention.prune());
    }
  }
}

package io.datarights.scanner.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.FailureCauses;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues scan runs: one per org in flight at a time, a caller's runs rate limited; the run row and
 * its task are stored in one transaction, so that a queued run always has a task to run it. Ends a
 * run whose retries are spent.
 */
@Service
class ScanJobs {

  static final String QUEUED = "governance.piiScan.queued";
  static final String FAILED = "governance.piiScan.failed";
  private static final Logger log = LoggerFactory.getLogger(ScanJobs.class);

  private final ScanRepository repository;
  private final RateLimits rateLimits;
  /** Looked up when used: the scheduler is built from the tasks, and the scan tasks need this class. */
  private final ObjectProvider<SchedulerClient> scheduler;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ScanJobs(
      ScanRepository repository, RateLimits rateLimits, ObjectProvider<SchedulerClient> scheduler, TransactionTemplate tx,
      ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.rateLimits = rateLimits;
    this.scheduler = scheduler;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A scan asked for by a client (API or console): 409 while one of the org is in flight, 429 over
   * the rate limit. The in-flight check comes first, so that a refused scan spends no token as a rule
   * (two filed at the same moment both may; the unique index still lets only one in).
   */
  ScanRun start(Caller caller) {
    OrgId org = caller.orgId();
    repository.inFlight(org).ifPresent(running -> {
      throw inFlight(running);
    });
    rateLimits.consume(caller, RateLimitedAction.PII_SCAN);
    return queue(org, ScanRun.MANUAL, caller.clientId()).orElseThrow(() -> inFlight(repository.inFlight(org).orElse(null)));
  }

  /** Queues a run of the org, or nothing when one is in flight already. */
  Optional<ScanRun> queue(OrgId org, String trigger, String actor) {
    UUID runId = UUID.randomUUID();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      return Optional.of(tx.execute(status -> {
        repository.insertQueued(org, runId, trigger, actor, now, PiiScanner.PLACES.size());
        ScanTasks.schedule(scheduler.getObject(), org, runId, now);
        events.publishEvent(new AuditableEvent(org, QUEUED, actor, "piiScan", runId.toString(), Map.of("trigger", trigger)));
        return repository.findRun(org, runId).orElseThrow();
      }));
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }

  /**
   * Schedules the task of the org's run in flight again if it has none (lost, e.g. a task table
   * restored from a backup): the daily schedule's safety net against a run QUEUED for ever. A task
   * that exists, running or not, is left as it is.
   */
  void ensureTaskOfRunInFlight(OrgId org) {
    repository.inFlight(org).ifPresent(runId -> {
      if (scheduler.getObject().scheduleIfNotExists(ScanTasks.scan(org, runId), clock.instant())) {
        log.warn("PII scan {} of org {} had no task: scheduled again", runId, org);
      }
    });
  }

  /** Called once the retries of a scan are spent: the run ends FAILED with a reason to act on. */
  void giveUp(ScanTasks.Ref ref, Throwable cause, int retries) {
    // The exception type only: a message could quote scanned data.
    log.error(
        "PII scan {} of org {} gave up after {} retries: {}", ref.runId(), ref.org(), retries,
        cause == null ? "no cause" : cause.getClass().getName());
    tx.executeWithoutResult(status -> {
      ScanRun run = repository.findRun(ref.org(), ref.runId()).orElse(null);
      if (run == null) {
        return;
      }
      String where = run.scanning() == null ? "" : " in " + run.scanning();
      String reason =
          "The scan stopped" + where + " after " + (retries + 1) + " attempts because "
              + FailureCauses.describe(cause, "this run's id")
              + ". The findings listed are those of the places scanned before. Scan again when the cause is fixed.";
      if (repository.fail(ref.org(), ref.runId(), reason, clock.instant())) {
        events.publishEvent(
            new AuditableEvent(ref.org(), FAILED, "system", "piiScan", ref.runId().toString(), Map.of("trigger", run.trigger())));
      }
    });
  }

  private static ApiException inFlight(UUID running) {
    return ApiException.conflict(
        "A PII scan of this organization is still running"
            + (running == null ? "" : " (" + running + ")")
            + ": one runs at a time. Follow it, and scan again when it has ended.");
  }
}

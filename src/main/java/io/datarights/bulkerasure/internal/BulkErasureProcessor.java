package io.datarights.bulkerasure.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.datarights.audit.Pseudonyms;
import io.datarights.bulkerasure.internal.BulkErasureTasks.Ref;
import io.datarights.holds.LegalHolds;
import io.datarights.identifiers.Identifier;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.FailureCauses;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the steps of a bulk erasure. A step erases one chunk of subjects in one service, through the
 * service's own erasure with all of the chunk's identifiers at once, and schedules the service's
 * step for a following chunk; the last step of a chunk schedules its verification; the last
 * verification schedules the completion. Every step is idempotent: run again after a crash, or by a second node, it finds
 * what is done and does only the rest.
 */
@Component
class BulkErasureProcessor {

  private static final Logger log = LoggerFactory.getLogger(BulkErasureProcessor.class);

  private final BulkErasureRepository jobs;
  private final DataServices services;
  private final LegalHolds holds;
  private final Pseudonyms pseudonyms;
  private final BulkErasureProperties properties;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  BulkErasureProcessor(
      BulkErasureRepository jobs,
      DataServices services,
      LegalHolds holds,
      Pseudonyms pseudonyms,
      BulkErasureProperties properties,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jobs = jobs;
    this.services = services;
    this.holds = holds;
    this.pseudonyms = pseudonyms;
    this.properties = properties;
    this.tx = tx;
    this.events = events;
    this.clock = clock;
  }

  /** The steps of the chunk, one per service: what a job schedules for each chunk it starts. */
  List<TaskInstance<String>> stepsOf(OrgId org, UUID job, int chunk) {
    List<TaskInstance<String>> steps = new ArrayList<>();
    for (String service : services.names()) {
      steps.add(BulkErasureTasks.step(org, job, chunk, service));
    }
    return steps;
  }

  /** One chunk in one service. */
  void runStep(Ref ref, SchedulerClient scheduler) {
    StoredJob job = jobs.find(ref.org(), ref.job()).orElse(null);
    if (job == null || job.status().finished() || jobs.stepDone(ref.org(), ref.job(), ref.chunk(), ref.service())) {
      return;
    }
    Instant now = clock.instant();
    jobs.started(ref.org(), ref.job(), now);
    jobs.stepStarted(ref.org(), ref.job(), ref.chunk(), ref.service(), now);
    PersonalDataService service =
        services.named(ref.service()).orElseThrow(() -> new IllegalStateException("No service named " + ref.service()));
    SubjectTerms terms = new SubjectTerms(new LinkedHashSet<>(jobs.subjects(ref.org(), ref.job(), ref.chunk())), Set.of());
    ServiceOutcome outcome = service.erase(ref.org(), terms, exemptions(ref.org()));
    tx.executeWithoutResult(status -> {
      jobs.lockChunk(ref.org(), ref.job(), ref.chunk());
      if (!jobs.stepCompleted(ref.org(), ref.job(), ref.chunk(), ref.service(), outcome, clock.instant())) {
        return; // another run of this step recorded its outcome first; the erasure was idempotent
      }
      audit(ref, "gdpr.bulk-erasure.step.completed", Map.of(
          "chunk", Integer.toString(ref.chunk() + 1),
          "service", ref.service(),
          "matched", Long.toString(outcome.matched()),
          "deleted", Long.toString(outcome.deleted()),
          "anonymized", Long.toString(outcome.anonymized()),
          "retained", Long.toString(outcome.retained())));
      // Scheduled in this transaction, so that a crash cannot lose them. Each service moves on to
      // its next chunk as soon as it is done with this one, however far the others are.
      List<TaskInstance<String>> next = new ArrayList<>();
      int following = ref.chunk() + properties.bulkErasureParallelChunks();
      if (following < job.chunks()) {
        next.add(BulkErasureTasks.step(ref.org(), ref.job(), following, ref.service()));
      }
      if (jobs.chunkErased(ref.org(), ref.job(), ref.chunk())) {
        next.add(BulkErasureTasks.verify(ref.org(), ref.job(), ref.chunk()));
      }
      BulkErasureTasks.schedule(scheduler, next, clock.instant());
    });
  }

  /** The verification of one chunk: what a search over every service still finds of its subjects. */
  void verify(Ref ref, SchedulerClient scheduler) {
    StoredJob job = jobs.find(ref.org(), ref.job()).orElse(null);
    if (job == null || job.status().finished() || jobs.chunkVerified(ref.org(), ref.job(), ref.chunk())) {
      return;
    }
    List<Identifier> subjects = jobs.subjects(ref.org(), ref.job(), ref.chunk());
    SubjectTerms terms = new SubjectTerms(new LinkedHashSet<>(subjects), Set.of());
    ErasureExemptions exemptions = exemptions(ref.org());
    long stillFound = 0;
    for (PersonalDataService service : services.all()) {
      stillFound += service.remaining(ref.org(), terms, exemptions);
    }
    long found = stillFound;
    tx.executeWithoutResult(status -> {
      jobs.lock(ref.org(), ref.job());
      if (!jobs.chunkVerified(ref.org(), ref.job(), ref.chunk(), found, clock.instant())) {
        return;
      }
      // The subjects' keyed pseudonyms, one entry per chunk rather than per subject: 100,000
      // entries in one org's hash chain would take longer than the erasure itself.
      audit(ref, "gdpr.bulk-erasure.chunk.verified", Map.of(
          "chunk", Integer.toString(ref.chunk() + 1),
          "subjects", Integer.toString(subjects.size()),
          "stillFound", Long.toString(found),
          "pseudonyms", subjects.stream()
              .map(s -> pseudonyms.of(ref.org(), s.kind() + ":" + s.value()))
              .collect(Collectors.joining(" "))));
      if (jobs.allChunksVerified(ref.org(), ref.job())) {
        BulkErasureTasks.schedule(scheduler, List.of(BulkErasureTasks.finish(ref.org(), ref.job())), clock.instant());
      }
    });
  }

  /** Completes the job: verified if no chunk's search found anything; the subjects are wiped. */
  void finish(Ref ref, SchedulerClient scheduler) {
    StoredJob job = jobs.find(ref.org(), ref.job()).orElse(null);
    if (job == null || job.status().finished()) {
      return;
    }
    jobs.finalizing(ref.org(), ref.job());
    tx.executeWithoutResult(status -> {
      jobs.lock(ref.org(), ref.job());
      long stillFound = jobs.stillFound(ref.org(), ref.job());
      boolean verified = stillFound == 0;
      if (!jobs.complete(ref.org(), ref.job(), verified, stillFound, clock.instant())) {
        return;
      }
      jobs.wipeSubjects(ref.org(), ref.job());
      audit(ref, "gdpr.bulk-erasure.verified", Map.of(
          "verifiedErased", Boolean.toString(verified),
          "stillFound", Long.toString(stillFound),
          "subjects", Integer.toString(job.subjects())));
      // What single erasures publish too: Art. 19 recipients are notified once for the whole job.
      audit(ref, "gdpr.request.completed", Map.of("requestType", "GDPR_DELETE", "subjects", Integer.toString(job.subjects())));
    });
  }

  /** Called once the retries of a step are spent: the job ends in ERROR with a reason to act on. */
  void giveUp(Ref ref, Throwable cause, int retries) {
    log.error("Bulk erasure {} gave up on {} after {} retries", ref.job(), ref.describe(), retries, cause);
    String reason =
        "Processing stopped in "
            + ref.describe()
            + " after "
            + (retries + 1)
            + " attempts because "
            + describe(cause)
            + ". Chunks erased before stay erased; the file's subjects were wiped from the job. File the same file again:"
            + " subjects already erased are found no more.";
    Instant now = clock.instant();
    tx.executeWithoutResult(status -> {
      jobs.lock(ref.org(), ref.job());
      if (ref.service() != null) {
        jobs.stepFailed(ref.org(), ref.job(), ref.chunk(), ref.service(), describe(cause), now);
      }
      if (jobs.fail(ref.org(), ref.job(), reason, now)) {
        jobs.wipeSubjects(ref.org(), ref.job());
        audit(ref, "gdpr.bulk-erasure.failed", Map.of("step", ref.describe()));
      }
    });
  }

  /** The subjects under an active legal hold (Art. 17(3)), whose records an erasure keeps. */
  private ErasureExemptions exemptions(OrgId org) {
    Map<SubjectRef, String> held = new HashMap<>();
    holds.activeHolds(org).forEach((subject, hold) -> held.put(subject, "Legal hold " + hold.id() + ": " + hold.reason()));
    return new ErasureExemptions(held);
  }

  private void audit(Ref ref, String action, Map<String, String> details) {
    events.publishEvent(new AuditableEvent(ref.org(), action, "system", "gdprBulkErasure", ref.job().toString(), details));
  }

  private static String describe(Throwable cause) {
    return FailureCauses.describe(cause, "this job's id");
  }

}

package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.datarights.holds.LegalHolds;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectRef;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.FailureCauses;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the steps of a request. Every step is idempotent: a step that is run again after a crash,
 * or by a second node, finds what is done and does only the rest.
 */
@Component
class RequestProcessor {

  private static final Logger log = LoggerFactory.getLogger(RequestProcessor.class);

  private final RequestRepository requests;
  private final PersonalDataServices services;
  private final ExportPackager exports;
  private final ProcessingProperties properties;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LegalHolds holds;
  private final ErasedPackages erasedPackages;
  private final PackageStore store;

  RequestProcessor(
      RequestRepository requests,
      PersonalDataServices services,
      ExportPackager exports,
      ProcessingProperties properties,
      TransactionTemplate tx,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock,
      LegalHolds holds,
      ErasedPackages erasedPackages,
      PackageStore store) {
    this.requests = requests;
    this.services = services;
    this.exports = exports;
    this.properties = properties;
    this.tx = tx;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.holds = holds;
    this.erasedPackages = erasedPackages;
    this.store = store;
  }

  /** One service's part of one request. */
  void runStep(RequestTasks.StepRef ref, SchedulerClient scheduler) {
    StoredRequest request = requests.find(ref.org(), ref.requestId()).orElse(null);
    if (request == null || request.status().finished()) {
      return;
    }
    boolean done =
        requests.services(ref.org(), ref.requestId()).stream()
            .anyMatch(p -> p.service().equals(ref.service()) && p.status().equals(ServiceProgress.DONE));
    if (!done) {
      Instant now = clock.instant();
      requests.advance(ref.org(), ref.requestId(), RequestStatus.SEARCHING, now);
      requests.advance(ref.org(), ref.requestId(), RequestStatus.working(request.type()), now);
      requests.serviceStarted(ref.org(), ref.requestId(), ref.service(), now);
      PersonalDataService service =
          services.named(ref.service()).orElseThrow(() -> new IllegalStateException("No service named " + ref.service()));
      ServiceOutcome outcome =
          switch (request.type()) {
            case GDPR_EXPORT -> exports.exportService(request, service);
            case GDPR_UPDATE -> service.rectify(ref.org(), request.terms(), request.replacementTerms());
            case GDPR_DELETE -> erase(request, service, exemptions(ref));
          };
      recordDone(ref, outcome);
    }
    if (requests.allServicesDone(ref.org(), ref.requestId())) {
      RequestTasks.schedule(scheduler, RequestTasks.finalizeTask(ref.org(), ref.requestId()), clock);
    }
  }

  /** Notes the export packages holding what the service will erase, then erases. */
  private ServiceOutcome erase(StoredRequest request, PersonalDataService service, ErasureExemptions exemptions) {
    erasedPackages.noteBeforeErasure(request, service, exemptions);
    return service.erase(request.orgId(), request.terms(), exemptions);
  }

  /**
   * Marks the service done under a lock on the request row, so that of two steps finishing at once
   * on two nodes, the later one sees the earlier one's result and schedules the finalization.
   */
  private void recordDone(RequestTasks.StepRef ref, ServiceOutcome outcome) {
    tx.executeWithoutResult(
        status -> {
          jdbc.sql("select 1 from gdpr_requests where org_id = :org and request_id = :id for update")
              .param("org", ref.org().value())
              .param("id", ref.requestId())
              .query()
              .listOfRows();
          if (!requests.serviceDone(ref.org(), ref.requestId(), ref.service(), outcome, clock.instant())) {
            return; // another run of this step recorded its outcome first; the work was idempotent
          }
          audit(ref, "gdpr.step.completed", Map.of(
              "service", ref.service(),
              "matched", Long.toString(outcome.matched()),
              "exported", Long.toString(outcome.exported()),
              "updated", Long.toString(outcome.updated()),
              "deleted", Long.toString(outcome.deleted()),
              "anonymized", Long.toString(outcome.anonymized()),
              "retained", Long.toString(outcome.retained())));
        });
  }

  /**
   * The last step: the export package; or after an erasure, the verification search (what every
   * service still finds, each count kept) and the deletion of the subject's export packages.
   */
  void finish(RequestTasks.StepRef ref) {
    StoredRequest request = requests.find(ref.org(), ref.requestId()).orElse(null);
    if (request == null || request.status().finished()) {
      return;
    }
    requests.advance(ref.org(), ref.requestId(), RequestStatus.FINALIZING, clock.instant());
    Boolean verifiedErased = null;
    Map<String, Long> stillFound = new LinkedHashMap<>();
    String resultsBlob = null;
    Instant resultsExpireAt = null;
    switch (request.type()) {
      case GDPR_DELETE -> {
        ErasureExemptions exemptions = exemptions(ref);
        for (PersonalDataService service : services.all()) {
          stillFound.put(service.name(), service.remaining(ref.org(), request.terms(), exemptions));
        }
        verifiedErased = stillFound.values().stream().allMatch(count -> count == 0);
        erasedPackages.deletePackages(ref.org(), ref.requestId());
      }
      case GDPR_EXPORT -> {
        resultsBlob = exports.assemble(request, requests.services(ref.org(), ref.requestId()));
        resultsExpireAt = clock.instant().plus(properties.resultsTtl());
      }
      case GDPR_UPDATE -> {}
    }
    Boolean verified = verifiedErased;
    long total = stillFound.values().stream().mapToLong(Long::longValue).sum();
    String blob = resultsBlob;
    Instant expires = resultsExpireAt;
    List<PackagedRecords.Package> erased = new ArrayList<>();
    boolean kept =
        tx.execute(
            status -> {
              Instant now = clock.instant();
              Integer packagesDeleted = null;
              if (verified != null) {
                erased.addAll(erasedPackages.markErased(ref.org(), ref.requestId(), now));
                packagesDeleted = erased.size();
                requests.stillFound(ref.org(), ref.requestId(), stillFound);
              }
              boolean resultsKept = requests.complete(ref.org(), ref.requestId(), verified, packagesDeleted, blob, expires, now);
              if (verified != null) {
                audit(ref, "gdpr.erasure.verified", Map.of(
                    "verifiedErased", verified.toString(),
                    "stillFound", Long.toString(total),
                    "packagesDeleted", Integer.toString(erased.size())));
              }
              audit(ref, "gdpr.request.completed", Map.of("requestType", request.type().name()));
              return resultsKept;
            });
    erasedPackages.deleteAgain(ref.org(), erased);
    if (blob != null && !kept) {
      // the subject was erased while this export ran (or another run completed it): no package
      store.delete(ref.org(), blob);
    }
  }

  /** The subjects under an active legal hold (Art. 17(3)), whose records an erasure keeps. */
  private ErasureExemptions exemptions(RequestTasks.StepRef ref) {
    Map<SubjectRef, String> held = new HashMap<>();
    holds.activeHolds(ref.org()).forEach((subject, hold) -> held.put(subject, "Legal hold " + hold.id() + ": " + hold.reason()));
    return new ErasureExemptions(held);
  }

  private void audit(RequestTasks.StepRef ref, String action, Map<String, String> details) {
    events.publishEvent(new AuditableEvent(ref.org(), action, "system", "gdprRequest", ref.requestId().toString(), details));
  }

  /** Called once the retries of a step are spent: the request ends in ERROR with a reason to act on. */
  void giveUp(RequestTasks.StepRef ref, Throwable cause, int attempts) {
    log.error("GDPR request {} gave up on {} after {} retries", ref.requestId(), ref.service() == null ? "finalization" : ref.service(), attempts, cause);
    String what = ref.service() == null ? "finalization" : "the " + ref.service() + " service";
    String reason =
        "Processing stopped in "
            + what
            + " after "
            + (attempts + 1)
            + " attempts because "
            + describe(cause)
            + ". Nothing of other subjects was touched. Wait until related requests have finished, then file the request again.";
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          if (ref.service() != null) {
            requests.serviceFailed(ref.org(), ref.requestId(), ref.service(), describe(cause), now);
          }
          requests.fail(ref.org(), ref.requestId(), reason, now);
          audit(ref, "gdpr.request.failed", Map.of("step", ref.service() == null ? "finalization" : ref.service()));
        });
  }

  private static String describe(Throwable cause) {
    return FailureCauses.describe(cause, "this request's id");
  }

}

package io.datarights.scanner.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/governance/pii-scans}: queue a scan, follow it, list runs, page through a run's findings. */
@RestController
@RequestMapping(ScanController.PATH)
class ScanController {

  static final String PATH = "/api/v2/governance/pii-scans";
  static final String VIEW = "governance:scan:view";
  static final String RUN = "governance:scan:run";

  private final ScanJobs jobs;
  private final ScanRepository repository;

  ScanController(ScanJobs jobs, ScanRepository repository) {
    this.jobs = jobs;
    this.repository = repository;
  }

  /** How far a run is: places scanned of all; the counts so far are the run's own fields. */
  record Progress(int placesScanned, int places, String scanning) {}

  record RunView(
      String id, ScanStatus status, String trigger, String startedBy, Instant createdDate, Instant startedDate,
      Instant completedDate, Progress progress, int recordsScanned, int findingsCount, String errorReason,
      String findingsUri, String selfUri) {

    static RunView of(ScanRun run) {
      String self = PATH + "/" + run.id();
      return new RunView(
          run.id().toString(), run.status(), run.trigger(), run.startedBy(), run.createdAt(), run.startedAt(),
          run.completedAt(), new Progress(run.placesScanned(), run.placesTotal(), run.scanning()), run.recordsScanned(),
          run.findingsCount(), run.errorReason(), self + "/findings", self);
    }
  }

  record FindingView(
      String id, String service, String recordId, String fieldPath, DetectorKind kind, String maskedExcerpt,
      String valueHash) {

    static FindingView of(ScanRepository.StoredFinding stored) {
      Finding f = stored.finding();
      return new FindingView(
          stored.id().toString(), f.service(), f.recordId(), f.fieldPath(), f.kind(), f.maskedExcerpt(), f.valueHash());
    }
  }

  /** Queues a scan and answers at once; the scan runs in the background (follow {@code selfUri}). */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @RequiresPermission(RUN)
  RunView run(Caller caller) {
    return RunView.of(jobs.start(caller));
  }

  @GetMapping
  @RequiresPermission(VIEW)
  Listing<RunView> runs(
      Caller caller, @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    return Listing.of(
        repository.runs(caller.orgId(), page).stream().map(RunView::of).toList(), page,
        repository.countRuns(caller.orgId()), PATH);
  }

  @GetMapping("/{id}")
  @RequiresPermission(VIEW)
  RunView run(Caller caller, @PathVariable String id) {
    return RunView.of(existing(caller, id));
  }

  @GetMapping("/{id}/findings")
  @RequiresPermission(VIEW)
  Listing<FindingView> findings(
      Caller caller, @PathVariable String id, @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    ScanRun run = existing(caller, id);
    return Listing.of(
        repository.findings(caller.orgId(), run.id(), page).stream().map(FindingView::of).toList(), page,
        run.findingsCount(), PATH + "/" + run.id() + "/findings");
  }

  private ScanRun existing(Caller caller, String id) {
    UUID runId = Ids.existingOrNotFound(id, "PII scan");
    return repository.findRun(caller.orgId(), runId).orElseThrow(() -> ApiException.notFound("PII scan"));
  }
}

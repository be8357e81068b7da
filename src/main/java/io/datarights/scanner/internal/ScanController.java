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

/** {@code /api/v2/governance/pii-scans}: run a scan now, list runs, page through a run's findings. */
@RestController
@RequestMapping(ScanController.PATH)
class ScanController {

  static final String PATH = "/api/v2/governance/pii-scans";
  static final String VIEW = "governance:scan:view";
  static final String RUN = "governance:scan:run";

  private final PiiScanner scanner;
  private final ScanRepository repository;

  ScanController(PiiScanner scanner, ScanRepository repository) {
    this.scanner = scanner;
    this.repository = repository;
  }

  record RunView(
      String id, String trigger, String startedBy, Instant startedDate, Instant completedDate, int recordsScanned,
      int findingsCount, String findingsUri, String selfUri) {

    static RunView of(ScanRun run) {
      String self = PATH + "/" + run.id();
      return new RunView(
          run.id().toString(), run.trigger(), run.startedBy(), run.startedAt(), run.completedAt(), run.recordsScanned(),
          run.findingsCount(), self + "/findings", self);
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

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresPermission(RUN)
  RunView run(Caller caller) {
    return RunView.of(scanner.scan(caller.orgId(), ScanRun.MANUAL, caller.clientId()));
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

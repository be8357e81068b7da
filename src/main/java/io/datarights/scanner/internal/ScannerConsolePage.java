package io.datarights.scanner.internal;

import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /console/scanner}: the latest scan (or one chosen from the earlier runs) with its findings,
 * masked as the API returns them, its progress updating live while it runs, and a button that
 * queues a scan (the API's permissions, the same one-at-a-time rule and rate limit).
 */
@ConsolePage
class ScannerConsolePage {

  static final String PATH = "/console/scanner";
  static final int FINDINGS_PAGE_SIZE = 50;
  static final int RUNS_LISTED = 10;

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** The status that tells htmx to stop polling: the run has ended, nothing will change. */
  static final int STOP_POLLING = 286;

  private final ScanJobs jobs;
  private final ScanRepository repository;

  ScannerConsolePage(ScanJobs jobs, ScanRepository repository) {
    this.jobs = jobs;
    this.repository = repository;
  }

  record RunRow(
      String id, String status, boolean finished, String trigger, String startedBy, String started, String startedIso,
      String took, int placesScanned, int places, String scanning, int recordsScanned, int findingsCount,
      String errorReason, String link) {

    static RunRow of(ScanRun run) {
      // Filed is when the run was asked for; a queued run has not started yet.
      Instant started = run.startedAt() != null ? run.startedAt() : run.createdAt();
      return new RunRow(
          run.id().toString(), run.status().name(), run.status().finished(), run.trigger(), run.startedBy(),
          UTC.format(started), started.toString(), took(run), run.placesScanned(), run.placesTotal(), run.scanning(),
          run.recordsScanned(), run.findingsCount(), run.errorReason(),
          UriComponentsBuilder.fromPath(PATH).queryParam("run", run.id()).build().toUriString());
    }

    private static String took(ScanRun run) {
      if (run.startedAt() == null || run.completedAt() == null) {
        return null;
      }
      long millis = Duration.between(run.startedAt(), run.completedAt()).toMillis();
      return millis < 1000 ? "under a second" : String.format("%.1f s", millis / 1000.0);
    }
  }

  record FindingRow(String kind, String kindLabel, String service, String recordId, String fieldPath, String maskedExcerpt) {

    static FindingRow of(ScanRepository.StoredFinding stored) {
      Finding f = stored.finding();
      return new FindingRow(f.kind().name(), label(f.kind()), f.service(), f.recordId(), f.fieldPath(), f.maskedExcerpt());
    }
  }

  record KindCount(String label, long count) {}

  record Pager(int pageNumber, long pageCount, String previous, String next) {}

  @GetMapping(PATH)
  @RequiresPermission(ScanController.VIEW)
  String scanner(
      Caller caller,
      @RequestParam(required = false) String run,
      @RequestParam(required = false) Integer pageNumber,
      Model model) {
    OrgId org = caller.orgId();
    PageParams page = PageParams.of(FINDINGS_PAGE_SIZE, pageNumber);
    List<ScanRun> recent = repository.runs(org, new PageParams(RUNS_LISTED, 1));
    ScanRun shown = run == null ? recent.stream().findFirst().orElse(null) : existing(org, run);

    model.addAttribute("canRun", caller.has(ScanController.RUN));
    model.addAttribute("runCount", repository.countRuns(org));
    model.addAttribute("runs", recent.stream().map(RunRow::of).toList());
    if (shown != null) {
      model.addAttribute("shown", RunRow.of(shown));
      model.addAttribute("latest", !recent.isEmpty() && recent.get(0).id().equals(shown.id()));
      model.addAttribute("byKind", byKind(repository.countsByKind(org, shown.id())));
      model.addAttribute(
          "findings", repository.findings(org, shown.id(), page).stream().map(FindingRow::of).toList());
      model.addAttribute("pager", pager(shown, page));
    }
    return "console/scanner/scanner";
  }

  /** The progress of a run in flight, for htmx to poll; once it has ended, the whole page is reloaded to show its findings. */
  @GetMapping(PATH + "/runs/{runId}/progress")
  @RequiresPermission(ScanController.VIEW)
  String progress(Caller caller, @PathVariable String runId, Model model, HttpServletResponse response) {
    ScanRun run = existing(caller.orgId(), runId);
    model.addAttribute("shown", RunRow.of(run));
    if (run.status().finished()) {
      response.setStatus(STOP_POLLING);
      response.setHeader("HX-Refresh", "true");
    }
    return "console/scanner/scanner :: progress";
  }

  /**
   * Post/Redirect/Get: the page of the queued run, so that reloading it does not scan again. A scan
   * refused (one in flight, or the rate limit) is told on the page, next to the run in flight.
   */
  @PostMapping(PATH + "/runs")
  @RequiresPermission(ScanController.RUN)
  String scanNow(Caller caller, RedirectAttributes redirect) {
    try {
      ScanRun run = jobs.start(caller);
      redirect.addAttribute("run", run.id().toString());
      redirect.addFlashAttribute("queued", true);
    } catch (ApiException e) {
      if (e.status() != HttpStatus.CONFLICT && e.status() != HttpStatus.TOO_MANY_REQUESTS) {
        throw e;
      }
      redirect.addFlashAttribute("refused", e.getMessage());
      repository.inFlight(caller.orgId()).ifPresent(running -> redirect.addAttribute("run", running.toString()));
    }
    return "redirect:" + PATH;
  }

  private ScanRun existing(OrgId org, String id) {
    return repository.findRun(org, Ids.existingOrNotFound(id, "PII scan"))
        .orElseThrow(() -> ApiException.notFound("PII scan"));
  }

  private static List<KindCount> byKind(Map<DetectorKind, Long> counts) {
    List<KindCount> result = new ArrayList<>();
    for (DetectorKind kind : DetectorKind.values()) {
      result.add(new KindCount(plural(kind), counts.getOrDefault(kind, 0L)));
    }
    return result;
  }

  private static Pager pager(ScanRun run, PageParams page) {
    long pageCount = Math.max(1, (run.findingsCount() + FINDINGS_PAGE_SIZE - 1) / FINDINGS_PAGE_SIZE);
    int n = page.pageNumber();
    String previous = n > 1 ? link(run, Math.min(n - 1, pageCount)) : null;
    String next = n < pageCount ? link(run, n + 1) : null;
    return new Pager(n, pageCount, previous, next);
  }

  private static String link(ScanRun run, long pageNumber) {
    return UriComponentsBuilder.fromPath(PATH).queryParam("run", run.id()).queryParam("pageNumber", pageNumber).build().toUriString();
  }

  private static String plural(DetectorKind kind) {
    return switch (kind) {
      case EMAIL -> "e-mail addresses";
      case PHONE -> "phone numbers";
      case IBAN -> "IBANs";
      case NAME -> "known names";
    };
  }

  private static String label(DetectorKind kind) {
    return switch (kind) {
      case EMAIL -> "E-mail address";
      case PHONE -> "Phone number";
      case IBAN -> "IBAN";
      case NAME -> "Known name";
    };
  }
}

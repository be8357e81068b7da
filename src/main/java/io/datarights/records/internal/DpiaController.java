package io.datarights.records.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Listing;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v2/governance/dpia}: the org submits its answers, each submission a new version;
 * every version reads as a full Art. 35(7) report, as JSON or as a printable HTML document.
 */
@RestController
@RequestMapping(DpiaReport.PATH)
class DpiaController {

  private final DpiaService dpias;
  private final RecordOfProcessingService records;

  DpiaController(DpiaService dpias, RecordOfProcessingService records) {
    this.dpias = dpias;
    this.records = records;
  }

  record VersionSummary(
      int version, Instant createdDate, String createdBy, boolean consultedDpo, int organizationRisks, int baselineRisks,
      String selfUri) {}

  /** A new version (never an overwrite): 201 with the report and its location. */
  @PutMapping
  @RequiresPermission(GovernanceController.EDIT)
  ResponseEntity<DpiaReport> submit(Caller caller, @Valid @RequestBody DpiaInput body) {
    StoredDpia created = dpias.create(caller, body.cleaned());
    DpiaReport report = DpiaReport.of(created, records.organizationOf(caller.orgId()));
    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(report.selfUri())).body(report);
  }

  @GetMapping
  @RequiresPermission(GovernanceController.VIEW)
  ResponseEntity<Object> latest(
      Caller caller,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean html = Negotiation.wantsHtml(format, accept);
    StoredDpia latest = dpias.latest(caller.orgId()).orElseThrow(DpiaController::notFound);
    return respond(caller.orgId(), latest, html);
  }

  @GetMapping("/versions")
  @RequiresPermission(GovernanceController.VIEW)
  Listing<VersionSummary> versions(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<VersionSummary> entities =
        dpias.page(caller.orgId(), page).stream()
            .map(d -> new VersionSummary(
                d.version(), d.createdAt(), d.createdBy(), d.answers().consultedDpo(),
                d.answers().risks().size(), d.baselineRisks().size(), DpiaReport.versionUri(d.version())))
            .toList();
    return Listing.of(entities, page, dpias.count(caller.orgId()), DpiaReport.PATH + "/versions");
  }

  @GetMapping("/versions/{version}")
  @RequiresPermission(GovernanceController.VIEW)
  ResponseEntity<Object> version(
      Caller caller,
      @PathVariable String version,
      @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    boolean html = Negotiation.wantsHtml(format, accept);
    StoredDpia found = parse(version).flatMap(n -> dpias.version(caller.orgId(), n)).orElseThrow(DpiaController::notFound);
    return respond(caller.orgId(), found, html);
  }

  private ResponseEntity<Object> respond(OrgId org, StoredDpia dpia, boolean html) {
    DpiaReport report = DpiaReport.of(dpia, records.organizationOf(org));
    return Negotiation.respond(html, report, () -> DpiaHtml.render(report));
  }

  /** A version number that is not a positive integer names nothing: 404, as a malformed id is. */
  static Optional<Integer> parse(String version) {
    try {
      int n = Integer.parseInt(version);
      return n >= 1 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ApiException notFound() {
    return ApiException.notFound("DPIA version");
  }
}

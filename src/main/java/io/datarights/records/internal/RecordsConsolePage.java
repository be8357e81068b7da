package io.datarights.records.internal;

import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/records}: the Art. 30 record of processing and the DPIA, read inside the console
 * from the same models as the API's documents, with the API's view permission. The printable
 * documents are served under the console too, so that a signed-in session can open them; they
 * keep their own content security policy, which allows their inline styles and nothing else.
 */
@ConsolePage
class RecordsConsolePage {

  static final String PATH = "/console/records";
  static final String ART30 = PATH + "/art30";
  static final String DPIA = PATH + "/dpia";
  static final int VERSIONS_LISTED = 10;

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final RecordOfProcessingService records;
  private final DpiaService dpias;

  RecordsConsolePage(RecordOfProcessingService records, DpiaService dpias) {
    this.records = records;
    this.dpias = dpias;
  }

  /** A risk as a line of the DPIA's table, its level in words. */
  record RiskRow(
      String source, String description, String heldIn, String likelihood, String severity, String level, boolean high,
      String measures) {

    static RiskRow of(RiskView r) {
      boolean baseline = RiskView.BASELINE.equals(r.source());
      return new RiskRow(
          baseline ? "Baseline: " + r.category() : "Organization",
          r.description(),
          r.heldIn() == null || r.heldIn().isEmpty() ? null : String.join(", ", r.heldIn()),
          words(r.likelihood()),
          words(r.severity()),
          words(r.level()),
          r.level() == Level.HIGH,
          r.measures() == null ? "none stated" : r.measures());
    }

    private static String words(Level level) {
      return level.name().toLowerCase(Locale.ROOT);
    }
  }

  record VersionRow(int version, String created, String createdBy, boolean consultedDpo, int organizationRisks, String link) {}

  @GetMapping(PATH)
  @RequiresPermission(GovernanceController.VIEW)
  String records(Caller caller) {
    return "redirect:" + ART30;
  }

  @GetMapping(ART30)
  @RequiresPermission(GovernanceController.VIEW)
  String recordOfProcessing(Caller caller, Model model) {
    RecordOfProcessing record = records.generate(caller.orgId());
    model.addAttribute("record", record);
    model.addAttribute("generated", time(record.generatedDate()));
    return "console/records/art30";
  }

  @GetMapping(ART30 + "/printable")
  @RequiresPermission(GovernanceController.VIEW)
  ResponseEntity<Object> printableRecordOfProcessing(Caller caller) {
    RecordOfProcessing record = records.generate(caller.orgId());
    return Negotiation.respond(true, record, () -> RecordOfProcessingHtml.render(record));
  }

  @GetMapping(DPIA)
  @RequiresPermission(GovernanceController.VIEW)
  String dpia(Caller caller, @RequestParam(required = false) String version, Model model) {
    OrgId org = caller.orgId();
    Optional<StoredDpia> latest = dpias.latest(org);
    StoredDpia shown = version == null ? latest.orElse(null) : existing(org, version);
    if (shown == null) {
      return "console/records/dpia";
    }
    DpiaReport report = DpiaReport.of(shown, records.organizationOf(org));
    model.addAttribute("report", report);
    model.addAttribute("latest", latest.map(l -> l.version() == shown.version()).orElse(false));
    model.addAttribute("created", time(report.createdDate()));
    model.addAttribute("risks", report.risks().stream().map(RiskRow::of).toList());
    model.addAttribute("versionCount", dpias.count(org));
    model.addAttribute(
        "versions",
        dpias.page(org, new PageParams(VERSIONS_LISTED, 1)).stream()
            .map(d -> new VersionRow(
                d.version(), time(d.createdAt()), d.createdBy(), d.answers().consultedDpo(), d.answers().risks().size(),
                DPIA + "?version=" + d.version()))
            .toList());
    return "console/records/dpia";
  }

  @GetMapping(DPIA + "/printable")
  @RequiresPermission(GovernanceController.VIEW)
  ResponseEntity<Object> printableDpia(Caller caller, @RequestParam(required = false) String version) {
    OrgId org = caller.orgId();
    StoredDpia dpia =
        version == null ? dpias.latest(org).orElseThrow(() -> ApiException.notFound("DPIA version")) : existing(org, version);
    DpiaReport report = DpiaReport.of(dpia, records.organizationOf(org));
    return Negotiation.respond(true, report, () -> DpiaHtml.render(report));
  }

  /** As in the API: a version that is not a positive number names nothing, so it is not found either. */
  private StoredDpia existing(OrgId org, String version) {
    return DpiaController.parse(version)
        .flatMap(n -> dpias.version(org, n))
        .orElseThrow(() -> ApiException.notFound("DPIA version"));
  }

  private static String time(Instant instant) {
    return UTC.format(instant);
  }
}

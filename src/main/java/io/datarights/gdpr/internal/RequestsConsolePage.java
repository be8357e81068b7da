package io.datarights.gdpr.internal;

import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.PageParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /console/requests}: file requests for the records and identifiers chosen on the
 * subjects page (an erasure only after an explicit confirmation), then follow them live.
 */
@ConsolePage
class RequestsConsolePage {

  private final RequestIntake intake;
  private final RequestStatistics statistics;

  RequestsConsolePage(RequestIntake intake, RequestStatistics statistics) {
    this.intake = intake;
    this.statistics = statistics;
  }

  /** The filing form as posted, echoed back on the confirmation page. */
  record Filing(
      String requestType, List<String> subject, List<String> identifier, String caseName, String replaceType,
      String replaceExisting, String replaceUpdated) {

    Filing {
      subject = subject == null ? List.of() : List.copyOf(subject);
      identifier = identifier == null ? List.of() : List.copyOf(identifier);
    }

    public boolean isDelete() {
      return "GDPR_DELETE".equals(requestType);
    }

    List<RequestIntake.ReplacementTermBody> replacements() {
      if (!"GDPR_UPDATE".equals(requestType)) {
        return null;
      }
      return List.of(new RequestIntake.ReplacementTermBody(replaceType, replaceExisting, replaceUpdated));
    }
  }

  @PostMapping("/console/requests")
  @RequiresPermission(Permissions.GDPR_REQUEST_ADD)
  String file(
      Caller caller,
      @RequestParam(required = false) String requestType,
      @RequestParam(required = false) List<String> subject,
      @RequestParam(required = false) List<String> identifier,
      @RequestParam(required = false) String caseName,
      @RequestParam(required = false) String replaceType,
      @RequestParam(required = false) String replaceExisting,
      @RequestParam(required = false) String replaceUpdated,
      @RequestParam(required = false) Boolean confirmed,
      Model model,
      RedirectAttributes redirect) {
    Filing filing = new Filing(requestType, subject, identifier, blankToNull(caseName), replaceType, replaceExisting, replaceUpdated);
    List<FilingTarget> targets = new ArrayList<>();
    filing.subject().forEach(token -> targets.add(FilingTarget.parse("subject", token)));
    filing.identifier().forEach(token -> targets.add(FilingTarget.parse("identifier", token)));
    model.addAttribute("filing", filing);
    model.addAttribute("targets", targets);
    if (targets.isEmpty()) {
      return review(model, List.of("Choose at least one record or identifier to file a request for."));
    }
    if (filing.isDelete() && !Boolean.TRUE.equals(confirmed)) {
      return review(model, List.of());
    }
    Set<UUID> filed = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    for (FilingTarget target : targets) {
      try {
        var body = new RequestIntake.CreateBody(filing.requestType(), target.subject(), filing.replacements(), filing.caseName());
        filed.add(intake.file(caller, body, confirmed, false, null).request().id());
      } catch (ApiException e) {
        if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
          failures.add(target.label() + ": too many requests at once; the rest were not filed. Try again in a minute.");
          break;
        }
        failures.add(target.label() + ": " + e.getMessage());
      }
    }
    if (filed.isEmpty()) {
      return review(model, failures);
    }
    redirect.addFlashAttribute("failures", failures);
    redirect.addAttribute("ids", String.join(",", filed.stream().map(UUID::toString).toList()));
    return "redirect:/console/requests/filed";
  }

  private static String review(Model model, List<String> errors) {
    model.addAttribute("errors", errors);
    return "console/gdpr/review";
  }

  @GetMapping("/console/requests/filed")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String filed(Caller caller, @RequestParam(required = false) String ids, Model model) {
    List<RequestRow> rows = rows(caller, ids);
    model.addAttribute("rows", rows);
    model.addAttribute("allFinished", allFinished(rows));
    model.addAttribute("ids", ids);
    if (!model.containsAttribute("failures")) {
      model.addAttribute("failures", List.of());
    }
    return "console/gdpr/filed";
  }

  /** The rows of the filed page, polled by htmx until every request is finished (then 286 stops it). */
  @GetMapping("/console/requests/filed/rows")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String filedRows(Caller caller, @RequestParam(required = false) String ids, Model model, jakarta.servlet.http.HttpServletResponse response) {
    List<RequestRow> rows = rows(caller, ids);
    model.addAttribute("rows", rows);
    model.addAttribute("ids", ids);
    model.addAttribute("allFinished", allFinished(rows));
    if (allFinished(rows)) {
      response.setStatus(RequestConsolePage.STOP_POLLING);
    }
    return "console/gdpr/filed :: rows";
  }

  private static boolean allFinished(List<RequestRow> rows) {
    return rows.stream().allMatch(r -> RequestStatus.valueOf(r.status()).finished());
  }

  private List<RequestRow> rows(Caller caller, String ids) {
    List<RequestRow> rows = new ArrayList<>();
    if (ids == null || ids.isBlank()) {
      return rows;
    }
    for (String id : ids.split(",", 101)) {
      statistics.find(caller.orgId(), Ids.existingOrNotFound(id.strip(), "GDPR request"))
          .ifPresent(r -> rows.add(RequestRow.of(r, statistics.today())));
    }
    return rows;
  }

  @GetMapping("/console/requests")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String list(
      Caller caller,
      @RequestParam(required = false) String state,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String due,
      @RequestParam(required = false) Integer page,
      Model model) {
    RequestFilter filter = RequestFilter.parse(state, type, due);
    PageParams paging = PageParams.of(25, page == null ? 1 : page);
    long total = statistics.count(caller.orgId(), filter);
    model.addAttribute("rows", statistics.list(caller.orgId(), filter, paging).stream().map(r -> RequestRow.of(r, statistics.today())).toList());
    model.addAttribute("total", total);
    model.addAttribute("page", paging.pageNumber());
    model.addAttribute("pageCount", Math.max(1, (total + paging.pageSize() - 1) / paging.pageSize()));
    Map<String, String> current = new LinkedHashMap<>();
    current.put("state", state == null ? "" : state);
    current.put("type", type == null ? "" : type);
    current.put("due", due == null ? "" : due);
    model.addAttribute("filter", current);
    return "console/gdpr/requests";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

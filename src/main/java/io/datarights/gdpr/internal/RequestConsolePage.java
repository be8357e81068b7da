package io.datarights.gdpr.internal;

import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/requests/{id}}: one request, its progress per service updating live, the export
 * package to download, the verification of an erasure, and the Art. 12(3) deadline to extend.
 */
@ConsolePage
class RequestConsolePage {

  /** The status that tells htmx to stop polling: the request is finished, nothing will change. */
  static final int STOP_POLLING = 286;

  private final RequestRepository requests;
  private final RequestViews views;
  private final Deadlines deadlines;

  RequestConsolePage(RequestRepository requests, RequestViews views, Deadlines deadlines) {
    this.requests = requests;
    this.views = views;
    this.deadlines = deadlines;
  }

  /** A service's line of the progress table. */
  record ServiceLine(String name, String status, long matched, long exported, long updated, long deleted, long anonymized, long retained, String reason) {
    boolean finished() {
      return status.equals(ServiceProgress.DONE) || status.equals(ServiceProgress.ERROR);
    }
  }

  @GetMapping("/console/requests/{requestId}")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String request(Caller caller, @PathVariable String requestId, Model model) {
    StoredRequest request = find(caller, requestId);
    model.addAttribute("row", RequestRow.of(request, deadlines.today()));
    model.addAttribute("extensible", !request.status().finished()
        && request.originalDueDate().equals(request.dueDate()) && !request.dueDate().isBefore(deadlines.today()));
    model.addAttribute("request", request);
    progress(request, model);
    return "console/gdpr/request";
  }

  @GetMapping("/console/requests/{requestId}/progress")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String progress(Caller caller, @PathVariable String requestId, Model model, HttpServletResponse response) {
    StoredRequest request = find(caller, requestId);
    progress(request, model);
    if (request.status().finished()) {
      response.setStatus(STOP_POLLING);
    }
    return "console/gdpr/request :: progress";
  }

  @PostMapping("/console/requests/{requestId}/extension")
  @RequiresPermission(Permissions.GDPR_REQUEST_ADD)
  String extend(
      Caller caller, @PathVariable String requestId, @RequestParam(required = false) Integer months,
      @RequestParam(required = false) String reason, Model model) {
    UUID id = find(caller, requestId).id();
    try {
      deadlines.extend(caller.orgId(), id, months, reason, caller.clientId());
    } catch (ApiException e) {
      model.addAttribute("extensionError", e.getMessage());
      return request(caller, requestId, model);
    }
    return "redirect:/console/requests/" + id;
  }

  private void progress(StoredRequest request, Model model) {
    GdprRequestView view = views.of(request);
    List<ServiceLine> services = view.services().stream()
        .map(s -> new ServiceLine(s.name(), s.status(), s.matched(), s.exported(), s.updated(), s.deleted(), s.anonymized(), s.retained(), s.reason()))
        .toList();
    model.addAttribute("view", view);
    model.addAttribute("services", services);
    model.addAttribute("servicesDone", services.stream().filter(ServiceLine::finished).count());
    model.addAttribute("finished", request.status().finished());
    model.addAttribute("completed", RequestRow.time(request.completedAt()));
  }

  private StoredRequest find(Caller caller, String requestId) {
    return requests.find(caller.orgId(), Ids.existingOrNotFound(requestId, "GDPR request"))
        .orElseThrow(() -> ApiException.notFound("GDPR request"));
  }
}

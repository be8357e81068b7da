package io.datarights.gdpr.internal;

import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/gdpr/requests}: file a request, list them, follow one. */
@RestController
class GdprRequestController {

  private final RequestIntake intake;
  private final RequestRepository requests;
  private final RequestViews views;

  GdprRequestController(RequestIntake intake, RequestRepository requests, RequestViews views) {
    this.intake = intake;
    this.requests = requests;
    this.views = views;
  }

  @PostMapping(RequestViews.PATH)
  @RequiresPermission(Permissions.GDPR_REQUEST_ADD)
  ResponseEntity<GdprRequestView> create(
      Caller caller,
      @RequestBody RequestIntake.CreateBody body,
      @RequestParam(required = false) Boolean deleteConfirmed,
      @RequestParam(required = false) Boolean allowMultipleSubjects,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    RequestService.Filed filed = intake.file(caller, body, deleteConfirmed, allowMultipleSubjects, idempotencyKey);
    // A replay, or a request in flight filed by someone else, is answered only as far as the caller
    // may see requests: without gdpr:request:view, never the results link or the progress.
    GdprRequestView view =
        filed.filedNow() || caller.has(Permissions.GDPR_REQUEST_VIEW) ? views.of(filed.request()) : views.idAndStatus(filed.request());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view);
  }

  @GetMapping(RequestViews.PATH)
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  Listing<GdprRequestView> list(
      Caller caller, @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<GdprRequestView> entities = requests.list(caller.orgId(), page).stream().map(views::of).toList();
    return Listing.of(entities, page, requests.count(caller.orgId()), RequestViews.PATH);
  }

  @GetMapping(RequestViews.PATH + "/{requestId}")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  GdprRequestView get(Caller caller, @PathVariable String requestId) {
    return requests
        .find(caller.orgId(), Ids.existingOrNotFound(requestId, "GDPR request"))
        .map(views::of)
        .orElseThrow(() -> ApiException.notFound("GDPR request"));
  }
}

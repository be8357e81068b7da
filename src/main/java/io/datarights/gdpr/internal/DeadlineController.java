package io.datarights.gdpr.internal;

import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Art. 12(3) deadlines: extend one request's, list the overdue and the soon due. */
@RestController
class DeadlineController {

  private final Deadlines deadlines;
  private final RequestViews views;

  DeadlineController(Deadlines deadlines, RequestViews views) {
    this.deadlines = deadlines;
    this.views = views;
  }

  record ExtensionBody(Integer months, String reason) {}

  @PostMapping(RequestViews.PATH + "/{requestId}/extension")
  @RequiresPermission(Permissions.GDPR_REQUEST_ADD)
  GdprRequestView extend(Caller caller, @PathVariable String requestId, @RequestBody ExtensionBody body) {
    var id = Ids.existingOrNotFound(requestId, "GDPR request");
    return views.of(deadlines.extend(caller.orgId(), id, body.months(), body.reason(), caller.clientId()));
  }

  /** Unfinished requests past their due date ({@code within=0}) or due within that many days. */
  @GetMapping("/api/v2/gdpr/deadlines")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  Listing<GdprRequestView> due(
      Caller caller,
      @RequestParam(required = false) Integer within,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    int days = within == null ? Deadlines.SOON_DAYS : within;
    if (days < 0 || days > 366) {
      throw io.datarights.shared.ApiException.invalidValue("within", "within must be between 0 and 366 days.");
    }
    PageParams page = PageParams.of(pageSize, pageNumber);
    LocalDate until = days == 0 ? deadlines.today().minusDays(1) : deadlines.today().plusDays(days);
    List<GdprRequestView> entities = deadlines.openDueBefore(caller.orgId(), until, page).stream().map(views::of).toList();
    return Listing.of(entities, page, deadlines.countOpenDueBefore(caller.orgId(), until), "/api/v2/gdpr/deadlines", "within=" + days + "&");
  }
}

package io.datarights.gdpr.internal;

import io.datarights.identifiers.IdentifierKind;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v2/gdpr/subjects}: every person matching one identifier, in every service. */
@RestController
class SubjectSearchController {

  private final SubjectSearch search;

  SubjectSearchController(SubjectSearch search) {
    this.search = search;
  }

  @GetMapping("/api/v2/gdpr/subjects")
  @RequiresPermission(Permissions.GDPR_SUBJECT_VIEW)
  Listing<SubjectView> search(
      Caller caller,
      @RequestParam(required = false) String searchType,
      @RequestParam(required = false) String searchValue) {
    IdentifierKind kind = SubjectSearch.searchType(searchType);
    List<SubjectView> subjects = search.search(caller, kind, searchValue).stream().map(f -> SubjectView.of(f.match())).toList();
    PageParams onePage = new PageParams(Math.max(1, subjects.size()), 1);
    // The links repeat the whole search: without searchValue they would name no search at all.
    String search = "searchType=" + kind + "&searchValue=" + URLEncoder.encode(searchValue, StandardCharsets.UTF_8).replace("+", "%20") + "&";
    return Listing.of(subjects, onePage, subjects.size(), "/api/v2/gdpr/subjects", search);
  }
}

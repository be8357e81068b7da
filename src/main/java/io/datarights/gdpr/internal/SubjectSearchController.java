package io.datarights.gdpr.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.PersonalDataService;
import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v2/gdpr/subjects}: every person matching one identifier, in every service. */
@RestController
class SubjectSearchController {

  private static final String SEARCH_TYPES =
      Arrays.stream(IdentifierKind.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final PersonalDataServices services;
  private final RateLimits rateLimits;

  SubjectSearchController(PersonalDataServices services, RateLimits rateLimits) {
    this.services = services;
    this.rateLimits = rateLimits;
  }

  @GetMapping("/api/v2/gdpr/subjects")
  @RequiresPermission(Permissions.GDPR_SUBJECT_VIEW)
  Listing<GdprSubject> search(
      Caller caller,
      @RequestParam(required = false) String searchType,
      @RequestParam(required = false) String searchValue) {
    IdentifierKind kind = parseSearchType(searchType);
    if (searchValue == null || searchValue.isBlank()) {
      throw ApiException.invalidValue("searchValue", "searchValue is required.");
    }
    if (searchValue.length() > 500) {
      throw ApiException.invalidValue("searchValue", "searchValue is longer than 500 characters.");
    }
    rateLimits.consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH);
    List<GdprSubject> subjects = new ArrayList<>();
    for (PersonalDataService service : services.all()) {
      service.findSubjects(caller.orgId(), new Identifier(kind, searchValue)).stream()
          .map(GdprSubject::of)
          .forEach(subjects::add);
    }
    PageParams onePage = new PageParams(Math.max(1, subjects.size()), 1);
    return Listing.of(subjects, onePage, subjects.size(), "/api/v2/gdpr/subjects", "searchType=" + kind + "&");
  }

  private static IdentifierKind parseSearchType(String searchType) {
    if (searchType == null || searchType.isBlank()) {
      throw ApiException.invalidValue("searchType", "searchType is required: one of " + SEARCH_TYPES + ".");
    }
    try {
      return IdentifierKind.valueOf(searchType.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidValue("searchType", "searchType must be one of " + SEARCH_TYPES + ".");
    }
  }
}

package io.datarights.gdpr.internal;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.IndexedRecord;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.SubjectMatch;
import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every person matching one identifier, in every service; for the API and the console alike. */
@Component
class SubjectSearch {

  static final String SEARCH_TYPES = Arrays.stream(IdentifierKind.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final PersonalDataServices services;
  private final RateLimits rateLimits;
  private final IdentifierIndex index;

  SubjectSearch(PersonalDataServices services, RateLimits rateLimits, IdentifierIndex index) {
    this.services = services;
    this.rateLimits = rateLimits;
    this.index = index;
  }

  /** A person as one service holds them. */
  record Found(String service, SubjectMatch match) {}

  List<Found> search(Caller caller, IdentifierKind kind, String searchValue) {
    if (searchValue == null || searchValue.isBlank()) {
      throw ApiException.invalidValue("searchValue", "searchValue is required.");
    }
    if (searchValue.length() > 500) {
      throw ApiException.invalidValue("searchValue", "searchValue is longer than 500 characters.");
    }
    rateLimits.consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH);
    return find(caller.orgId(), kind, searchValue);
  }

  /** The search itself, neither checked nor counted: for callers that did both already. */
  List<Found> find(OrgId org, IdentifierKind kind, String searchValue) {
    // One index query for every service; only the services it names load their records.
    Map<String, List<String>> hits = index.lookup(org, kind, searchValue).stream()
        .collect(Collectors.groupingBy(IndexedRecord::service, Collectors.mapping(IndexedRecord::recordId, Collectors.toList())));
    List<Found> found = new ArrayList<>();
    for (PersonalDataService service : services.all()) {
      List<String> ids = hits.get(service.name());
      if (ids != null) {
        service.findSubjects(org, ids).forEach(m -> found.add(new Found(service.name(), m)));
      }
    }
    return found;
  }

  static IdentifierKind searchType(String searchType) {
    if (searchType == null || searchType.isBlank()) {
      throw ApiException.invalidValue("searchType", "searchType is required: one of " + SEARCH_TYPES + ".");
    }
    try {
      return IdentifierKind.valueOf(searchType.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidValue("searchType", "searchType must be one of " + SEARCH_TYPES + ".");
    }
  }
}

package io.datarights.gdpr.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A request by a name or an address alone reaches everyone who has it: three namesakes erased by
 * one GDPR_DELETE, 1,500 people in one export. The seed's advice is to search the subjects first
 * and file one request per person; the console offers nothing else. The API refuses such a request
 * when it reaches more than one person, unless the caller says it means them all.
 */
@Component
class AmbiguousSubjects {

  private final SubjectSearch search;
  private final PersonalDataServices services;
  private final IdentifierIndex index;

  AmbiguousSubjects(SubjectSearch search, PersonalDataServices services, IdentifierIndex index) {
    this.search = search;
    this.services = services;
    this.index = index;
  }

  /**
   * The number of distinct persons the identifier finds, refused with a 409 when more than one
   * and not allowed. Persons as the console groups them: records joined by a shared e-mail,
   * phone, handle, external id or merge set, never by the name or address itself.
   */
  int check(Caller caller, Identifier identifier, boolean allowMultiple) {
    int persons = persons(caller.orgId(), identifier);
    if (persons > 1 && !allowMultiple) {
      throw refusal(caller, identifier.kind(), persons);
    }
    return persons;
  }

  private int persons(OrgId org, Identifier identifier) {
    Set<IdentifierKind> kinds = EnumSet.of(identifier.kind());
    List<PersonGroups.Hit> hits =
        search.find(org, identifier.kind(), identifier.value()).stream()
            .map(found -> new PersonGroups.Hit(found.service(), found.match(), EnumSet.of(identifier.kind())))
            .toList();
    if (hits.size() < 2) {
      return hits.size();
    }
    return PersonGroups.group(hits, kinds, index.regionOf(org), ref -> services.relatedTo(org, ref)).size();
  }

  private static ApiException refusal(Caller caller, IdentifierKind kind, int persons) {
    String what = kind.name().toLowerCase(java.util.Locale.ROOT);
    String search = "/api/v2/gdpr/subjects?searchType=" + kind.name() + "&searchValue=<the " + what + ">";
    String allow = ", or pass allowMultipleSubjects=true to file one request that reaches them all.";
    // How many people share a name is what the subject search tells, and only to those who may search.
    if (caller.has(Permissions.GDPR_SUBJECT_VIEW)) {
      return new ApiException(
          HttpStatus.CONFLICT,
          "request.conflict",
          "The " + what + " matches " + persons + " different persons; search " + search + " and file a request per person" + allow,
          Map.of("persons", Integer.toString(persons), "searchType", kind.name()),
          List.of(),
          null);
    }
    return new ApiException(
        HttpStatus.CONFLICT,
        "request.conflict",
        "The " + what + " matches more than one person; file a request per person by an identifier only they have (a client with "
            + Permissions.GDPR_SUBJECT_VIEW + " finds them by " + search + ")" + allow,
        Map.of("searchType", kind.name()),
        List.of(),
        null);
  }
}

package io.datarights.gdpr.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a request's subject (exactly one term) into what the services search for. An id is first
 * resolved to its record, and the record's known identifiers join the search terms.
 */
@Component
class SubjectResolver {

  /** Identifiers that other people have too: never added to a request from a resolved id. */
  private static final Set<IdentifierKind> SHARED_BY_OTHERS = Set.of(IdentifierKind.NAME, IdentifierKind.ADDRESS);

  private final PersonalDataServices services;
  private final IdentifierIndex index;

  SubjectResolver(PersonalDataServices services, IdentifierIndex index) {
    this.services = services;
    this.index = index;
  }

  /** The resolved subject: a stable key for duplicate detection, the terms, and its id if any. */
  record Resolved(String subjectKey, SubjectTerms terms, Optional<SubjectRef> ref) {

    /** The name or the address the subject was given as, when it was given as nothing else. */
    Optional<Identifier> sharedByOthers() {
      if (ref.isPresent() || terms.identifiers().size() != 1) {
        return Optional.empty();
      }
      Identifier only = terms.identifiers().iterator().next();
      return SHARED_BY_OTHERS.contains(only.kind()) ? Optional.of(only) : Optional.empty();
    }
  }

  private record Term(String field, Identifier identifier, SubjectRef ref) {}

  Resolved resolve(OrgId org, GdprSubject subject) {
    if (subject == null) {
      throw ApiException.invalidValue("subject", "subject is required.");
    }
    Term term = singleTerm(subject);
    if (term.ref() != null) {
      return resolveRef(org, term);
    }
    Identifier identifier = term.identifier();
    validate(term.field(), identifier);
    String normalized =
        Normalization.normalize(identifier.kind(), identifier.value(), index.regionOf(org))
            .orElseThrow(() -> ApiException.invalidValue(term.field(), "The value cannot be searched for."));
    return new Resolved(identifier.kind() + ":" + normalized, SubjectTerms.of(identifier), Optional.empty());
  }

  private Resolved resolveRef(OrgId org, Term term) {
    SubjectRef ref = term.ref();
    SubjectMatch match = null;
    for (PersonalDataService service : services.all()) {
      Optional<SubjectMatch> found = service.resolve(org, ref);
      if (found.isPresent()) {
        match = found.get();
        break;
      }
    }
    if (match == null) {
      throw ApiException.invalidValue(term.field(), "No subject with that id exists.");
    }
    return fromMatch(ref, match);
  }

  /**
   * Records of one kind resolved together (the members of a merge set: one query, not one each),
   * in the order given; a record gone by now is left out.
   */
  List<Resolved> resolveAll(OrgId org, List<SubjectRef> refs) {
    if (refs.isEmpty()) {
      return List.of();
    }
    for (PersonalDataService service : services.all()) {
      if (service.resolve(org, refs.get(0)).isEmpty()) {
        continue;
      }
      // The service that owns the first owns them all; its record ids are the refs' ids.
      java.util.Map<SubjectRef, SubjectMatch> found = new java.util.HashMap<>();
      service.findSubjects(org, refs.stream().map(SubjectRef::id).toList()).forEach(m -> found.put(m.ref(), m));
      return refs.stream().filter(found::containsKey).map(ref -> fromMatch(ref, found.get(ref))).toList();
    }
    return List.of();
  }

  private static Resolved fromMatch(SubjectRef ref, SubjectMatch match) {
    // The record's identifiers join the search, but not its name or address: hundreds of other
    // people share a name (at a million contacts, "Zoë Weber" is 672 of them), a household shares
    // an address. Searching by those is the subjects endpoint's job, with a person to disambiguate.
    Set<Identifier> identifiers = new LinkedHashSet<>();
    for (Identifier identifier : match.identifiers()) {
      if (!SHARED_BY_OTHERS.contains(identifier.kind())) {
        identifiers.add(identifier);
      }
    }
    String key = ref.type() + ":" + (ref.scope() == null ? "" : ref.scope() + "/") + ref.id();
    return new Resolved(key, new SubjectTerms(identifiers, Set.of(ref)), Optional.of(ref));
  }

  private static Term singleTerm(GdprSubject s) {
    List<Term> terms = new ArrayList<>();
    if (notBlank(s.name())) {
      terms.add(new Term("subject.name", Identifier.name(s.name()), null));
    }
    addList(terms, "subject.addresses", IdentifierKind.ADDRESS, s.addresses());
    addList(terms, "subject.phoneNumbers", IdentifierKind.PHONE, s.phoneNumbers());
    addList(terms, "subject.emailAddresses", IdentifierKind.EMAIL, s.emailAddresses());
    if (s.socialHandle() != null) {
      IdentifierKind kind = GdprSubject.socialKind(s.socialHandle().type());
      if (kind == null) {
        throw ApiException.invalidValue("subject.socialHandle.type", "socialHandle.type must be one of TWITTER, FACEBOOK, INSTAGRAM, APPLE_MESSAGES, WHATSAPP.");
      }
      terms.add(new Term("subject.socialHandle.value", new Identifier(kind, s.socialHandle().value()), null));
    }
    if (notBlank(s.externalId())) {
      terms.add(new Term("subject.externalId", new Identifier(IdentifierKind.EXTERNAL_ID, s.externalId()), null));
    }
    if (notBlank(s.userId())) {
      terms.add(new Term("subject.userId", null, SubjectRef.user(s.userId().strip())));
    }
    if (notBlank(s.externalContactId())) {
      terms.add(new Term("subject.externalContactId", null, SubjectRef.externalContact(s.externalContactId().strip())));
    }
    if (s.dialerContactId() != null) {
      if (!notBlank(s.dialerContactId().id()) || !notBlank(s.dialerContactId().contactListId())) {
        throw ApiException.invalidValue("subject.dialerContactId", "dialerContactId needs both id and contactListId.");
      }
      terms.add(new Term("subject.dialerContactId", null, SubjectRef.dialerContact(s.dialerContactId().contactListId(), s.dialerContactId().id())));
    }
    if (s.journeyCustomer() != null) {
      if (!notBlank(s.journeyCustomer().id())) {
        throw ApiException.invalidValue("subject.journeyCustomer.id", "journeyCustomer needs an id.");
      }
      String type = notBlank(s.journeyCustomer().type()) ? s.journeyCustomer().type() : "cookie";
      terms.add(new Term("subject.journeyCustomer", null, SubjectRef.journeyCustomer(type, s.journeyCustomer().id())));
    }
    if (terms.size() != 1) {
      throw ApiException.invalidValue(
          "subject", "subject must hold exactly one term (a name, an address, a phone number, an e-mail address, a social handle, an external id or one id); it holds " + terms.size() + ".");
    }
    return terms.get(0);
  }

  private static void addList(List<Term> terms, String field, IdentifierKind kind, List<String> values) {
    if (values == null) {
      return;
    }
    for (String value : values) {
      if (notBlank(value)) {
        terms.add(new Term(field, new Identifier(kind, value), null));
      }
    }
  }

  private void validate(String field, Identifier identifier) {
    if (identifier.value() == null || identifier.value().isBlank()) {
      throw ApiException.invalidValue(field, "The value is empty.");
    }
    if (identifier.value().length() > 500) {
      throw ApiException.invalidValue(field, "The value is longer than 500 characters.");
    }
    if (identifier.kind() == IdentifierKind.EMAIL && !Emails.isValid(identifier.value())) {
      throw ApiException.invalidValue(field, "Not a valid e-mail address.");
    }
  }

  private static boolean notBlank(String value) {
    return value != null && !value.isBlank();
  }
}

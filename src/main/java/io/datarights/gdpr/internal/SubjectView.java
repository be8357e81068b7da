package io.datarights.gdpr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code GDPRSubject} as answered: only values the Genesys SDK models know. Their
 * {@code SocialHandle.type} knows TWITTER alone (the Java SDK reads any other as
 * OUTDATEDSDKVERSION, the JS and Python SDKs reject it), so a WhatsApp number is answered in
 * {@code phoneNumbers}, and every handle, of any type, in the extension {@code socialHandles}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SubjectView(
    String name,
    String userId,
    String externalContactId,
    GdprSubject.DialerContactId dialerContactId,
    GdprSubject.JourneyCustomer journeyCustomer,
    GdprSubject.SocialHandle socialHandle,
    String externalId,
    List<String> addresses,
    List<String> phoneNumbers,
    List<String> emailAddresses,
    List<GdprSubject.SocialHandle> socialHandles) {

  /** The one social handle type of the Genesys models. */
  private static final String GENESYS_SOCIAL_TYPE = IdentifierKind.TWITTER.name();

  /** A person found by a subject search, with the identifiers the services know. */
  static SubjectView of(SubjectMatch match) {
    SubjectRef ref = match.ref();
    Set<String> addresses = new LinkedHashSet<>();
    Set<String> phones = new LinkedHashSet<>();
    Set<String> emails = new LinkedHashSet<>();
    Set<GdprSubject.SocialHandle> handles = new LinkedHashSet<>();
    String externalId = null;
    for (Identifier identifier : match.identifiers()) {
      switch (identifier.kind()) {
        case ADDRESS -> addresses.add(identifier.value());
        case PHONE -> phones.add(identifier.value());
        case EMAIL -> emails.add(identifier.value());
        case EXTERNAL_ID -> externalId = externalId == null ? identifier.value() : externalId;
        case NAME -> {}
        case TWITTER, INSTAGRAM, FACEBOOK, APPLE_MESSAGES, WHATSAPP ->
            handles.add(new GdprSubject.SocialHandle(identifier.kind().name(), identifier.value()));
      }
    }
    return new SubjectView(
        match.name(),
        ref.type() == SubjectType.USER ? ref.id() : null,
        ref.type() == SubjectType.EXTERNAL_CONTACT ? ref.id() : null,
        ref.type() == SubjectType.DIALER_CONTACT ? new GdprSubject.DialerContactId(ref.id(), ref.scope()) : null,
        ref.type() == SubjectType.JOURNEY_CUSTOMER ? new GdprSubject.JourneyCustomer(ref.scope(), ref.id()) : null,
        null,
        externalId,
        List.copyOf(addresses),
        List.copyOf(phones),
        List.copyOf(emails),
        null)
        .withSocialHandles(List.copyOf(handles));
  }

  /** A request's subject as it was filed; a handle of a type Genesys does not model moves as above. */
  static SubjectView of(GdprSubject s) {
    if (s == null) {
      return null;
    }
    return new SubjectView(
        s.name(), s.userId(), s.externalContactId(), s.dialerContactId(), s.journeyCustomer(), null, s.externalId(),
        s.addresses(), s.phoneNumbers(), s.emailAddresses(), null)
        .withSocialHandles(s.socialHandle() == null ? List.of() : List.of(s.socialHandle()));
  }

  private SubjectView withSocialHandles(List<GdprSubject.SocialHandle> handles) {
    GdprSubject.SocialHandle genesys = handles.stream()
        .filter(h -> GENESYS_SOCIAL_TYPE.equalsIgnoreCase(h.type()))
        .findFirst()
        .map(h -> new GdprSubject.SocialHandle(GENESYS_SOCIAL_TYPE, h.value()))
        .orElse(null);
    List<String> phones = new ArrayList<>(phoneNumbers == null ? List.of() : phoneNumbers);
    handles.stream()
        .filter(h -> IdentifierKind.WHATSAPP.name().equalsIgnoreCase(h.type()) && h.value() != null && !phones.contains(h.value()))
        .forEach(h -> phones.add(h.value()));
    return new SubjectView(
        name, userId, externalContactId, dialerContactId, journeyCustomer, genesys, externalId, addresses, phones,
        emailAddresses, handles);
  }
}

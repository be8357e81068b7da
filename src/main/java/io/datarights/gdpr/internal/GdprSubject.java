package io.datarights.gdpr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import java.util.ArrayList;
import java.util.List;

/** The Genesys {@code GDPRSubject}: one person, named by exactly one id, with known identifiers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record GdprSubject(
    String name,
    String userId,
    String externalContactId,
    DialerContactId dialerContactId,
    JourneyCustomer journeyCustomer,
    SocialHandle socialHandle,
    String externalId,
    List<String> addresses,
    List<String> phoneNumbers,
    List<String> emailAddresses) {

  record DialerContactId(String id, String contactListId) {}

  record JourneyCustomer(String type, String id) {}

  record SocialHandle(String type, String value) {}

  static GdprSubject of(SubjectMatch match) {
    SubjectRef ref = match.ref();
    List<String> addresses = new ArrayList<>();
    List<String> phones = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    SocialHandle social = null;
    String externalId = null;
    for (Identifier identifier : match.identifiers()) {
      switch (identifier.kind()) {
        case ADDRESS -> addresses.add(identifier.value());
        case PHONE -> phones.add(identifier.value());
        case EMAIL -> emails.add(identifier.value());
        case EXTERNAL_ID -> externalId = externalId == null ? identifier.value() : externalId;
        case NAME -> {}
        default -> social = social == null ? new SocialHandle(identifier.kind().name(), identifier.value()) : social;
      }
    }
    return new GdprSubject(
        match.name(),
        ref.type() == io.datarights.privacy.SubjectType.USER ? ref.id() : null,
        ref.type() == io.datarights.privacy.SubjectType.EXTERNAL_CONTACT ? ref.id() : null,
        ref.type() == io.datarights.privacy.SubjectType.DIALER_CONTACT ? new DialerContactId(ref.id(), ref.scope()) : null,
        ref.type() == io.datarights.privacy.SubjectType.JOURNEY_CUSTOMER ? new JourneyCustomer(ref.scope(), ref.id()) : null,
        social,
        externalId,
        addresses,
        phones,
        emails);
  }

  static GdprSubject ofExternalContact(String id) {
    return new GdprSubject(null, null, id, null, null, null, null, null, null, null);
  }

  /** The social handle types of the Genesys API and the identifier kinds they search. */
  static IdentifierKind socialKind(String type) {
    return switch (type == null ? "" : type.toUpperCase(java.util.Locale.ROOT)) {
      case "TWITTER" -> IdentifierKind.TWITTER;
      case "FACEBOOK" -> IdentifierKind.FACEBOOK;
      case "INSTAGRAM" -> IdentifierKind.INSTAGRAM;
      case "APPLE_MESSAGES", "APPLE" -> IdentifierKind.APPLE_MESSAGES;
      case "WHATSAPP" -> IdentifierKind.WHATSAPP;
      default -> null;
    };
  }
}

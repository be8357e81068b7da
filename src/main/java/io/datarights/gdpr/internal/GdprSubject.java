package io.datarights.gdpr.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.datarights.identifiers.IdentifierKind;
import java.util.List;

/**
 * The Genesys {@code GDPRSubject} as a request names it (exactly one term) and as it is stored;
 * answers show it as a {@link SubjectView}.
 */
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

package io.datarights.gdpr.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.ApiException;
import java.util.List;
import java.util.Locale;

/**
 * What the console files one request for: a record by its id, or one identifier the subject gave.
 * Travels through forms as a token such as {@code EXTERNAL_CONTACT||<id>} or {@code EMAIL|anna@example.com}.
 */
record FilingTarget(String token, String label, GdprSubject subject) {

  private static final String SEPARATOR = "|";

  static String token(SubjectRef ref) {
    return ref.type() + SEPARATOR + (ref.scope() == null ? "" : ref.scope()) + SEPARATOR + ref.id();
  }

  static String token(Identifier identifier) {
    return identifier.kind() + SEPARATOR + identifier.value();
  }

  /** Reads a token posted by a form; a forged or garbled one is a 400 naming the field. */
  static FilingTarget parse(String field, String token) {
    String[] parts = token == null ? new String[0] : token.split("\\|", 3);
    try {
      if (parts.length == 3) {
        SubjectType type = SubjectType.valueOf(parts[0]);
        String scope = parts[1].isEmpty() ? null : parts[1];
        SubjectRef ref = new SubjectRef(type, parts[2], scope);
        return new FilingTarget(token, SubjectsConsolePage.kindLabel(type) + " " + ref.id(), of(ref));
      }
      if (parts.length == 2 && !parts[1].isBlank()) {
        IdentifierKind kind = IdentifierKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        if (!PersonGroups.SHARED_BY_OTHERS.contains(kind)) {
          return new FilingTarget(token, SubjectsConsolePage.label(kind) + " " + parts[1], of(new Identifier(kind, parts[1])));
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw ApiException.invalidValue(field, "The " + field + " is not a record or identifier this console offered.");
  }

  private static GdprSubject of(SubjectRef ref) {
    return switch (ref.type()) {
      case USER -> new GdprSubject(null, ref.id(), null, null, null, null, null, null, null, null);
      case EXTERNAL_CONTACT -> GdprSubject.ofExternalContact(ref.id());
      case DIALER_CONTACT ->
          new GdprSubject(null, null, null, new GdprSubject.DialerContactId(ref.id(), ref.scope()), null, null, null, null, null, null);
      case JOURNEY_CUSTOMER ->
          new GdprSubject(null, null, null, null, new GdprSubject.JourneyCustomer(ref.scope(), ref.id()), null, null, null, null, null);
    };
  }

  private static GdprSubject of(Identifier identifier) {
    return switch (identifier.kind()) {
      case EMAIL -> new GdprSubject(null, null, null, null, null, null, null, null, null, List.of(identifier.value()));
      case PHONE -> new GdprSubject(null, null, null, null, null, null, null, null, List.of(identifier.value()), null);
      case EXTERNAL_ID -> new GdprSubject(null, null, null, null, null, null, identifier.value(), null, null, null);
      default ->
          new GdprSubject(null, null, null, null, null, new GdprSubject.SocialHandle(identifier.kind().name(), identifier.value()), null, null, null, null);
    };
  }
}

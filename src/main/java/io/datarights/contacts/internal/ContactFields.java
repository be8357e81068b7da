package io.datarights.contacts.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The editable content of an external contact in the Genesys wire shape: the body of POST and
 * PUT, and what is stored. Everything else (id, merge set, dates) belongs to the stored contact.
 */
record ContactFields(
    @Size(max = ContactFields.TEXT) String firstName,
    @Size(max = ContactFields.TEXT) String middleName,
    @Size(max = ContactFields.TEXT) String lastName,
    @Size(max = ContactFields.TEXT) String title,
    @Valid Phone workPhone,
    @Valid Phone cellPhone,
    @Valid Phone homePhone,
    @Valid Phone otherPhone,
    @Size(max = 254) String workEmail,
    @Size(max = 254) String personalEmail,
    @Size(max = 254) String otherEmail,
    @Valid Address address,
    @Valid TwitterId twitterId,
    @Valid FacebookId facebookId,
    @Valid InstagramId instagramId,
    @Valid WhatsAppId whatsAppId,
    @Valid AppleMessagesId appleMessagesId,
    @Size(max = 100) List<@NotNull @Valid ExternalId> externalIds,
    @Size(max = 100) Map<String, Object> customFields) {

  static final int TEXT = 255;

  /** A phone number; clients may send {@code display} alone, e164 and countryCode are computed. */
  @Schema(name = "ExternalContactPhone") // "Phone" is the user's phone too
  record Phone(@Size(max = 64) String display, @Size(max = 64) String e164, String countryCode) {}

  record Address(
      @Size(max = TEXT) String address1,
      @Size(max = TEXT) String address2,
      @Size(max = TEXT) String city,
      @Size(max = TEXT) String state,
      @Size(max = 32) String postalCode,
      @Size(max = 8) String countryCode) {

    /** The address as one line, as a subject would write it in a request. */
    String line(boolean withCountry) {
      Stream<String> parts = Stream.of(address1, address2, city, state, postalCode);
      if (withCountry) {
        parts = Stream.concat(parts, Stream.of(countryCode));
      }
      return parts.filter(Objects::nonNull).collect(Collectors.joining(", "));
    }
  }

  record TwitterId(@Size(max = TEXT) String screenName) {}

  record FacebookId(@Size(max = TEXT) String displayName) {}

  record InstagramId(@Size(max = TEXT) String screenName) {}

  record WhatsAppId(@Valid Phone phoneNumber, @Size(max = TEXT) String displayName) {}

  record AppleMessagesId(@Size(max = TEXT) String value) {}

  record ExternalId(@NotBlank @Size(max = TEXT) String externalSource, @NotBlank @Size(max = TEXT) String value) {}

  static final ContactFields EMPTY = new Builder().build();

  /** First, middle and last name as one line, or null when there is no name. */
  String fullName() {
    String joined = Stream.of(firstName, middleName, lastName).filter(Objects::nonNull).collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  List<Phone> phones() {
    return Stream.of(workPhone, cellPhone, homePhone, otherPhone).filter(Objects::nonNull).toList();
  }

  List<String> emails() {
    return Stream.of(workEmail, personalEmail, otherEmail).filter(Objects::nonNull).toList();
  }

  /**
   * Every identifier the contact is found by. Custom field keys are deliberately not searched (as
   * in Genesys); custom field values that are e-mail addresses are, since they name the person.
   */
  List<Identifier> identifiers() {
    List<Identifier> result = new ArrayList<>();
    add(result, IdentifierKind.NAME, fullName());
    phones().forEach(p -> add(result, IdentifierKind.PHONE, p.e164()));
    emails().forEach(e -> add(result, IdentifierKind.EMAIL, e));
    customFieldEmails().forEach(e -> add(result, IdentifierKind.EMAIL, e));
    if (address != null) {
      add(result, IdentifierKind.ADDRESS, address.line(false));
      add(result, IdentifierKind.ADDRESS, address.line(true));
      add(result, IdentifierKind.ADDRESS, address.address1());
    }
    if (twitterId != null) {
      add(result, IdentifierKind.TWITTER, twitterId.screenName());
    }
    if (facebookId != null) {
      add(result, IdentifierKind.FACEBOOK, facebookId.displayName());
    }
    if (instagramId != null) {
      add(result, IdentifierKind.INSTAGRAM, instagramId.screenName());
    }
    if (appleMessagesId != null) {
      add(result, IdentifierKind.APPLE_MESSAGES, appleMessagesId.value());
    }
    if (whatsAppId != null && whatsAppId.phoneNumber() != null) {
      add(result, IdentifierKind.PHONE, whatsAppId.phoneNumber().e164());
      add(result, IdentifierKind.WHATSAPP, whatsAppId.phoneNumber().e164());
    }
    if (externalIds != null) {
      externalIds.forEach(id -> add(result, IdentifierKind.EXTERNAL_ID, id.value()));
    }
    return result.stream().distinct().toList();
  }

  /**
   * The identifiers shown for a subject (GDPRSubject): as {@link #identifiers()}, with the address
   * once, as its full line, instead of its searchable variants.
   */
  List<Identifier> subjectIdentifiers() {
    String line = address == null ? null : address.line(true);
    return identifiers().stream()
        .filter(i -> i.kind() != IdentifierKind.ADDRESS || i.value().equals(line))
        .toList();
  }

  /** Custom field values (top level) that are e-mail addresses. */
  List<String> customFieldEmails() {
    if (customFields == null) {
      return List.of();
    }
    return customFields.values().stream()
        .filter(v -> v instanceof String s && Emails.isValid(s))
        .map(v -> ((String) v).strip())
        .toList();
  }

  private static void add(List<Identifier> result, IdentifierKind kind, String value) {
    if (value != null && !value.isBlank()) {
      result.add(new Identifier(kind, value));
    }
  }

  /**
   * These fields, with every empty one taken from {@code other}: the single customer view of a
   * merge. External ids are joined; custom fields are added where the key is missing.
   */
  ContactFields filledFrom(ContactFields other) {
    Builder b = toBuilder();
    b.firstName = or(firstName, other.firstName);
    b.middleName = or(middleName, other.middleName);
    b.lastName = or(lastName, other.lastName);
    b.title = or(title, other.title);
    b.workPhone = or(workPhone, other.workPhone);
    b.cellPhone = or(cellPhone, other.cellPhone);
    b.homePhone = or(homePhone, other.homePhone);
    b.otherPhone = or(otherPhone, other.otherPhone);
    b.workEmail = or(workEmail, other.workEmail);
    b.personalEmail = or(personalEmail, other.personalEmail);
    b.otherEmail = or(otherEmail, other.otherEmail);
    b.address = or(address, other.address);
    b.twitterId = or(twitterId, other.twitterId);
    b.facebookId = or(facebookId, other.facebookId);
    b.instagramId = or(instagramId, other.instagramId);
    b.whatsAppId = or(whatsAppId, other.whatsAppId);
    b.appleMessagesId = or(appleMessagesId, other.appleMessagesId);
    if (other.externalIds != null) {
      List<ExternalId> joined = new ArrayList<>(externalIds == null ? List.of() : externalIds);
      other.externalIds.stream().filter(id -> !joined.contains(id)).forEach(joined::add);
      b.externalIds = joined;
    }
    if (other.customFields != null) {
      Map<String, Object> joined = new LinkedHashMap<>(customFields == null ? Map.of() : customFields);
      other.customFields.forEach(joined::putIfAbsent);
      b.customFields = joined;
    }
    return b.build();
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  Builder toBuilder() {
    Builder b = new Builder();
    b.firstName = firstName;
    b.middleName = middleName;
    b.lastName = lastName;
    b.title = title;
    b.workPhone = workPhone;
    b.cellPhone = cellPhone;
    b.homePhone = homePhone;
    b.otherPhone = otherPhone;
    b.workEmail = workEmail;
    b.personalEmail = personalEmail;
    b.otherEmail = otherEmail;
    b.address = address;
    b.twitterId = twitterId;
    b.facebookId = facebookId;
    b.instagramId = instagramId;
    b.whatsAppId = whatsAppId;
    b.appleMessagesId = appleMessagesId;
    b.externalIds = externalIds;
    b.customFields = customFields;
    return b;
  }

  /** Mutable copy for cleaning, merging and rectifying; build() makes the record again. */
  static final class Builder {
    String firstName;
    String middleName;
    String lastName;
    String title;
    Phone workPhone;
    Phone cellPhone;
    Phone homePhone;
    Phone otherPhone;
    String workEmail;
    String personalEmail;
    String otherEmail;
    Address address;
    TwitterId twitterId;
    FacebookId facebookId;
    InstagramId instagramId;
    WhatsAppId whatsAppId;
    AppleMessagesId appleMessagesId;
    List<ExternalId> externalIds;
    Map<String, Object> customFields;

    ContactFields build() {
      return new ContactFields(
          firstName,
          middleName,
          lastName,
          title,
          workPhone,
          cellPhone,
          homePhone,
          otherPhone,
          workEmail,
          personalEmail,
          otherEmail,
          address,
          twitterId,
          facebookId,
          instagramId,
          whatsAppId,
          appleMessagesId,
          externalIds == null || externalIds.isEmpty() ? null : List.copyOf(externalIds),
          customFields == null || customFields.isEmpty() ? null : new LinkedHashMap<>(customFields));
    }
  }
}

package io.datarights.contacts.internal;

import io.datarights.contacts.internal.ContactFields.Address;
import io.datarights.contacts.internal.ContactFields.AppleMessagesId;
import io.datarights.contacts.internal.ContactFields.ExternalId;
import io.datarights.contacts.internal.ContactFields.FacebookId;
import io.datarights.contacts.internal.ContactFields.InstagramId;
import io.datarights.contacts.internal.ContactFields.Phone;
import io.datarights.contacts.internal.ContactFields.TwitterId;
import io.datarights.contacts.internal.ContactFields.WhatsAppId;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.shared.ApiException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Art. 16 for one contact: wherever a field holds a replacement's existing value (compared in the
 * normalized form the index uses, so "+49 30 1234567" matches "030 1234567"), the updated value is
 * written instead.
 */
final class Rectification {

  private final String region;

  Rectification(String region) {
    this.region = region;
  }

  /** Rejects updated values that could not be stored through the API either. */
  void validate(List<ReplacementTerm> replacements) {
    for (ReplacementTerm term : replacements) {
      String updated = ContactInput.text(term.updatedValue());
      if (updated == null) {
        throw ApiException.invalidValue("replacementTerms", "replacementTerms need an updatedValue.");
      }
      switch (term.type()) {
        case PHONE, WHATSAPP -> ContactInput.phone("replacementTerms", new Phone(updated, null, null), region);
        case EMAIL -> ContactInput.email("replacementTerms", updated);
        default -> {}
      }
    }
  }

  ContactFields apply(ContactFields fields, List<ReplacementTerm> replacements) {
    ContactFields result = fields;
    for (ReplacementTerm term : replacements) {
      result = apply(result, term);
    }
    return result;
  }

  private ContactFields apply(ContactFields f, ReplacementTerm term) {
    String updated = ContactInput.text(term.updatedValue());
    ContactFields.Builder b = f.toBuilder();
    switch (term.type()) {
      case NAME -> name(b, term.existingValue(), updated);
      case PHONE -> {
        b.workPhone = phone(b.workPhone, term, updated);
        b.cellPhone = phone(b.cellPhone, term, updated);
        b.homePhone = phone(b.homePhone, term, updated);
        b.otherPhone = phone(b.otherPhone, term, updated);
        if (b.whatsAppId != null) {
          b.whatsAppId = new WhatsAppId(phone(b.whatsAppId.phoneNumber(), term, updated), b.whatsAppId.displayName());
        }
      }
      case WHATSAPP -> {
        if (b.whatsAppId != null) {
          b.whatsAppId = new WhatsAppId(phone(b.whatsAppId.phoneNumber(), term, updated), b.whatsAppId.displayName());
        }
      }
      case EMAIL -> {
        b.workEmail = replaced(b.workEmail, term, updated);
        b.personalEmail = replaced(b.personalEmail, term, updated);
        b.otherEmail = replaced(b.otherEmail, term, updated);
        b.customFields = customFieldEmails(b.customFields, term, updated);
      }
      case ADDRESS -> b.address = address(b.address, term, updated);
      case TWITTER -> b.twitterId = b.twitterId == null ? null : new TwitterId(replaced(b.twitterId.screenName(), term, updated));
      case FACEBOOK ->
          b.facebookId = b.facebookId == null ? null : new FacebookId(replaced(b.facebookId.displayName(), term, updated));
      case INSTAGRAM ->
          b.instagramId = b.instagramId == null ? null : new InstagramId(replaced(b.instagramId.screenName(), term, updated));
      case APPLE_MESSAGES ->
          b.appleMessagesId =
              b.appleMessagesId == null ? null : new AppleMessagesId(replaced(b.appleMessagesId.value(), term, updated));
      case EXTERNAL_ID -> {
        if (b.externalIds != null) {
          b.externalIds =
              b.externalIds.stream()
                  .map(id -> new ExternalId(id.externalSource(), replaced(id.value(), term, updated)))
                  .distinct()
                  .toList();
        }
      }
    }
    return b.build();
  }

  /**
   * The whole name (in any token order) is replaced by the updated name, split into first, middle
   * and last; failing that, a single part equal to the existing value (a changed surname) is.
   */
  private void name(ContactFields.Builder b, String existing, String updated) {
    String full = b.build().fullName();
    if (full != null && same(IdentifierKind.NAME, full, existing)) {
      List<String> tokens = Arrays.asList(updated.split("\\s+"));
      b.firstName = tokens.size() > 1 ? tokens.get(0) : null;
      b.middleName = tokens.size() > 2 ? String.join(" ", tokens.subList(1, tokens.size() - 1)) : null;
      b.lastName = tokens.get(tokens.size() - 1);
      return;
    }
    b.firstName = sameName(b.firstName, existing) ? updated : b.firstName;
    b.middleName = sameName(b.middleName, existing) ? updated : b.middleName;
    b.lastName = sameName(b.lastName, existing) ? updated : b.lastName;
  }

  private boolean sameName(String part, String existing) {
    return part != null && same(IdentifierKind.NAME, part, existing);
  }

  /**
   * The whole address line becomes the updated line (in address1, the parts it replaces cleared);
   * a matching address1 alone is replaced by itself.
   */
  private Address address(Address address, ReplacementTerm term, String updated) {
    if (address == null) {
      return null;
    }
    if (same(IdentifierKind.ADDRESS, address.line(false), term.existingValue())
        || same(IdentifierKind.ADDRESS, address.line(true), term.existingValue())) {
      return new Address(updated, null, null, null, null, null);
    }
    if (address.address1() != null && same(IdentifierKind.ADDRESS, address.address1(), term.existingValue())) {
      return new Address(updated, address.address2(), address.city(), address.state(), address.postalCode(), address.countryCode());
    }
    return address;
  }

  private Phone phone(Phone phone, ReplacementTerm term, String updated) {
    if (phone == null || !same(IdentifierKind.PHONE, phone.e164(), term.existingValue())) {
      return phone;
    }
    return ContactInput.phone("replacementTerms", new Phone(updated, null, null), region);
  }

  private Map<String, Object> customFieldEmails(Map<String, Object> fields, ReplacementTerm term, String updated) {
    if (fields == null) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>(fields);
    result.replaceAll((key, value) -> value instanceof String s && same(IdentifierKind.EMAIL, s, term.existingValue()) ? updated : value);
    return result;
  }

  private String replaced(String value, ReplacementTerm term, String updated) {
    return value != null && same(term.type(), value, term.existingValue()) ? updated : value;
  }

  private boolean same(IdentifierKind kind, String a, String b) {
    Optional<String> left = Normalization.normalize(kind, a, region);
    return left.isPresent() && Objects.equals(left, Normalization.normalize(kind, b, region));
  }
}

package io.datarights.contacts.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.datarights.contacts.internal.ContactFields.Address;
import io.datarights.contacts.internal.ContactFields.AppleMessagesId;
import io.datarights.contacts.internal.ContactFields.ExternalId;
import io.datarights.contacts.internal.ContactFields.FacebookId;
import io.datarights.contacts.internal.ContactFields.InstagramId;
import io.datarights.contacts.internal.ContactFields.Phone;
import io.datarights.contacts.internal.ContactFields.TwitterId;
import io.datarights.contacts.internal.ContactFields.WhatsAppId;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.shared.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns what a client sent into what is stored: blanks become absent, phone numbers get their
 * E.164 form and country, and every value that cannot be what its field says is a 400 naming the
 * field, before anything is written.
 */
final class ContactInput {

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

  private ContactInput() {}

  static ContactFields clean(ContactFields in, String region) {
    ContactFields.Builder b = new ContactFields.Builder();
    b.firstName = text(in.firstName());
    b.middleName = text(in.middleName());
    b.lastName = text(in.lastName());
    b.title = text(in.title());
    b.workPhone = phone("workPhone", in.workPhone(), region);
    b.cellPhone = phone("cellPhone", in.cellPhone(), region);
    b.homePhone = phone("homePhone", in.homePhone(), region);
    b.otherPhone = phone("otherPhone", in.otherPhone(), region);
    b.workEmail = email("workEmail", in.workEmail());
    b.personalEmail = email("personalEmail", in.personalEmail());
    b.otherEmail = email("otherEmail", in.otherEmail());
    b.address = address(in.address());
    b.twitterId = in.twitterId() == null ? null : ifPresent(text(in.twitterId().screenName()), TwitterId::new);
    b.facebookId = in.facebookId() == null ? null : ifPresent(text(in.facebookId().displayName()), FacebookId::new);
    b.instagramId = in.instagramId() == null ? null : ifPresent(text(in.instagramId().screenName()), InstagramId::new);
    b.appleMessagesId =
        in.appleMessagesId() == null ? null : ifPresent(text(in.appleMessagesId().value()), AppleMessagesId::new);
    b.whatsAppId = whatsApp(in.whatsAppId(), region);
    b.externalIds = externalIds(in.externalIds());
    b.customFields = customFields(in.customFields());
    return b.build();
  }

  /** A phone number as stored: what was written, its E.164 form and its ISO country. */
  static Phone phone(String field, Phone in, String region) {
    if (in == null) {
      return null;
    }
    String display = text(in.display());
    String e164 = text(in.e164());
    String written = display != null ? display : e164;
    if (written == null) {
      return null;
    }
    String invalidField = field + (display != null ? ".display" : ".e164");
    PhoneNumbers.Parsed parsed =
        PhoneNumbers.parse(written, region)
            .orElseThrow(() -> ApiException.invalidValue(invalidField, invalidField + " is not a phone number."));
    return new Phone(written, parsed.e164(), countryOf(parsed.e164()));
  }

  /** The ISO 3166 country of a number (Genesys' countryCode), or null for non-geographic ones. */
  private static String countryOf(String e164) {
    try {
      String region = PHONES.getRegionCodeForNumber(PHONES.parse(e164, null));
      return region == null || region.equals("ZZ") ? null : region;
    } catch (NumberParseException e) {
      return null;
    }
  }

  static String email(String field, String value) {
    String email = text(value);
    if (email != null && !Emails.isValid(email)) {
      throw ApiException.invalidValue(field, field + " is not an e-mail address.");
    }
    return email;
  }

  private static Address address(Address in) {
    if (in == null) {
      return null;
    }
    Address address =
        new Address(
            text(in.address1()),
            text(in.address2()),
            text(in.city()),
            text(in.state()),
            text(in.postalCode()),
            text(in.countryCode()));
    boolean empty =
        Stream.of(address.address1(), address.address2(), address.city(), address.state(), address.postalCode(), address.countryCode())
            .allMatch(v -> v == null);
    return empty ? null : address;
  }

  private static WhatsAppId whatsApp(WhatsAppId in, String region) {
    if (in == null) {
      return null;
    }
    Phone phone = phone("whatsAppId.phoneNumber", in.phoneNumber(), region);
    String displayName = text(in.displayName());
    return phone == null && displayName == null ? null : new WhatsAppId(phone, displayName);
  }

  private static List<ExternalId> externalIds(List<ExternalId> in) {
    if (in == null) {
      return null;
    }
    List<ExternalId> result = new ArrayList<>();
    for (ExternalId id : in) {
      ExternalId cleaned = new ExternalId(text(id.externalSource()), text(id.value()));
      if (!result.contains(cleaned)) {
        result.add(cleaned);
      }
    }
    return result;
  }

  private static Map<String, Object> customFields(Map<String, Object> in) {
    if (in == null) {
      return null;
    }
    for (String key : in.keySet()) {
      if (key.isBlank() || key.length() > ContactFields.TEXT) {
        throw ApiException.invalidValue("customFields", "customFields keys must be 1 to 255 characters.");
      }
    }
    return new LinkedHashMap<>(in);
  }

  /** Stripped text, or null when there is none. */
  static String text(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  private static <T> T ifPresent(String value, java.util.function.Function<String, T> make) {
    return value == null ? null : make.apply(value);
  }
}

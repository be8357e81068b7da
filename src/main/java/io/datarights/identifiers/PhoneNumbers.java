package io.datarights.identifiers;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;

/** Phone numbers read with libphonenumber, local numbers in the org's default region. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** A parsed number: what was written, its E.164 form and its country calling code. */
  public record Parsed(String display, String e164, int countryCode) {}

  /** The number, or empty if it cannot be a phone number in that region. */
  public static Optional<Parsed> parse(String raw, String defaultRegion) {
    if (raw == null || raw.isBlank() || raw.length() > 64) {
      return Optional.empty();
    }
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(raw.strip(), defaultRegion);
      if (!UTIL.isPossibleNumber(number)) {
        return Optional.empty();
      }
      String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      return Optional.of(new Parsed(raw.strip(), e164, number.getCountryCode()));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}

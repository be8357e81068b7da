package io.datarights.directory.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.shared.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a user body field by field; the first problem is a 400 naming its field. */
final class UserValidator {

  static final int MAX_TEXT = 255;
  static final int MAX_STATUS = 1000;
  static final int MAX_PHONES = 20;

  private UserValidator() {}

  static UserFields validate(UserBody body, String region) {
    String name = text(body.name(), "name", MAX_TEXT);
    if (name == null) {
      throw ApiException.invalidValue("name", "name is required.");
    }
    String email = text(body.email(), "email", 254);
    if (email == null) {
      throw ApiException.invalidValue("email", "email is required.");
    }
    if (!Emails.isValid(email)) {
      throw ApiException.invalidValue("email", "email is not a valid e-mail address.");
    }
    String title = text(body.title(), "title", MAX_TEXT);
    String state = body.state() == null ? StoredUser.ACTIVE : body.state().strip().toLowerCase(Locale.ROOT);
    if (!state.equals(StoredUser.ACTIVE) && !state.equals(StoredUser.INACTIVE)) {
      throw ApiException.invalidValue("state", "state must be active or inactive.");
    }
    String personalStatus = text(body.personalStatus(), "personalStatus", MAX_STATUS);
    return new UserFields(name, email, title, state, phones(body.phoneNumbers(), region), personalStatus);
  }

  private static List<PhoneNumber> phones(List<UserBody.Phone> phones, String region) {
    List<PhoneNumber> result = new ArrayList<>();
    if (phones == null) {
      return result;
    }
    if (phones.size() > MAX_PHONES) {
      throw ApiException.invalidValue("phoneNumbers", "A user has at most " + MAX_PHONES + " phone numbers.");
    }
    for (int i = 0; i < phones.size(); i++) {
      String field = "phoneNumbers[" + i + "]";
      UserBody.Phone phone = phones.get(i);
      if (phone == null) {
        throw ApiException.invalidValue(field, field + " must be an object with a display number.");
      }
      String type = PhoneNumber.normalizeType(phone.type());
      if (!PhoneNumber.TYPES.contains(type)) {
        throw ApiException.invalidValue(
            field + ".type", field + ".type must be one of " + String.join(", ", PhoneNumber.TYPES.stream().sorted().toList()) + ".");
      }
      // display is what the client wrote; a client that sent only e164 wrote that.
      String raw = phone.display() != null && !phone.display().isBlank() ? phone.display() : phone.e164();
      if (raw == null || raw.isBlank()) {
        throw ApiException.invalidValue(field + ".display", field + ".display is required.");
      }
      PhoneNumbers.Parsed parsed =
          PhoneNumbers.parse(raw, region)
              .orElseThrow(
                  () -> ApiException.invalidValue(field + ".display", field + ".display is not a valid phone number."));
      result.add(new PhoneNumber(type, parsed.display(), parsed.e164()));
    }
    return result;
  }

  /** Trimmed text, null when blank; too long is a 400. */
  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw ApiException.invalidValue(field, field + " must be at most " + max + " characters.");
    }
    return stripped;
  }
}

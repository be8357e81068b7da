package io.datarights.journey.internal;

import io.datarights.shared.ApiException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A journey customer: the type of its id (only {@code cookie} so far) and the id. */
record CustomerKey(String type, String id) {

  static final String COOKIE = "cookie";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** The key of a request body or of a consent being recorded: a bad value is a 400 naming the field. */
  static CustomerKey parse(String type, String id) {
    String actualType = type == null || type.isBlank() ? COOKIE : type.strip().toLowerCase(Locale.ROOT);
    if (!actualType.equals(COOKIE)) {
      throw ApiException.invalidValue("customerIdType", "customerIdType must be cookie.");
    }
    if (id == null || id.isBlank()) {
      throw ApiException.invalidValue("customerId", "customerId is required.");
    }
    if (!ID.matcher(id).matches()) {
      throw ApiException.invalidValue(
          "customerId", "customerId must be 1 to 128 letters, digits or the characters . _ : -");
    }
    return new CustomerKey(actualType, id);
  }

  /** The key named by a path, or empty if it cannot name any customer (then a 404). */
  static Optional<CustomerKey> lookup(String type, String id) {
    if (type == null || !type.equalsIgnoreCase(COOKIE) || id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of(new CustomerKey(COOKIE, id));
  }
}

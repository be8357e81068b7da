package io.datarights.directory.internal;

import java.util.Locale;
import java.util.Set;

/** One of a user's phone numbers: its Genesys type, as written, and in E.164. */
record PhoneNumber(String type, String display, String e164) {

  /** The Genesys user phone types. */
  static final Set<String> TYPES = Set.of("PRIMARY", "WORK", "WORK2", "WORK3", "WORK4", "HOME", "MOBILE", "MAIN", "OTHER");
  static final String DEFAULT_TYPE = "WORK";

  static String normalizeType(String type) {
    return type == null || type.isBlank() ? DEFAULT_TYPE : type.strip().toUpperCase(Locale.ROOT);
  }
}

package io.datarights.conversations.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code mediaType} of an interaction. */
enum Media {
  VOICE,
  EMAIL,
  MESSAGE,
  WEBCHAT,
  WEBMESSAGING;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Media> parse(String value) {
    return Arrays.stream(values()).filter(m -> m.wire().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
  }

  static String choices() {
    return String.join(", ", Arrays.stream(values()).map(Media::wire).toList());
  }
}

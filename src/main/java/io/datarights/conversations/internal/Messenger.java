package io.datarights.conversations.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code messengerType} of a message interaction: the platform the messages went through. */
enum Messenger {
  FACEBOOK,
  WHATSAPP,
  TWITTER,
  INSTAGRAM,
  APPLE,
  OPEN;

  String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Messenger> parse(String value) {
    return Arrays.stream(values()).filter(m -> m.wire().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
  }

  static String choices() {
    return String.join(", ", Arrays.stream(values()).map(Messenger::wire).toList());
  }
}

package io.datarights.recipients.internal;

import java.util.Optional;

/** The request types a recipient can subscribe to: the ones that change data it may hold. */
enum RecipientEvent {
  GDPR_UPDATE,
  GDPR_DELETE;

  static Optional<RecipientEvent> parse(String value) {
    for (RecipientEvent event : values()) {
      if (event.name().equals(value)) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }
}

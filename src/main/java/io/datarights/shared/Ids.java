package io.datarights.shared;

import java.util.Optional;
import java.util.UUID;

/** Parsing of ids from paths: a malformed id names nothing that exists, so it is a 404. */
public final class Ids {

  private Ids() {}

  public static Optional<UUID> parse(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException | NullPointerException e) {
      return Optional.empty();
    }
  }

  public static UUID existingOrNotFound(String value, String what) {
    return parse(value).orElseThrow(() -> ApiException.notFound(what));
  }
}

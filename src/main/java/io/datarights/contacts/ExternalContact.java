package io.datarights.contacts;

import io.datarights.identifiers.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An external contact as other features see it: its name, every identifier it is indexed by and
 * its merge set's canonical contact (empty when it is in no set).
 */
public record ExternalContact(
    String id,
    String firstName,
    String middleName,
    String lastName,
    Optional<String> canonicalContactId,
    List<Identifier> identifiers,
    Instant createdDate,
    Instant modifiedDate) {

  public ExternalContact {
    identifiers = List.copyOf(identifiers);
  }

  /** First, middle and last name as one line, or null when the contact has no name. */
  public String name() {
    String joined = Stream.of(firstName, middleName, lastName).filter(Objects::nonNull).collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }
}

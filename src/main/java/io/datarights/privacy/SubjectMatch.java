package io.datarights.privacy;

import io.datarights.identifiers.Identifier;
import java.util.List;

/**
 * One person a service holds, with the identifiers it knows for them (the Genesys {@code
 * GDPRSubject}: name, addresses, phone numbers, e-mail addresses, social handles, external ids).
 */
public record SubjectMatch(SubjectRef ref, String name, List<Identifier> identifiers) {

  public SubjectMatch {
    identifiers = List.copyOf(identifiers);
  }
}

package io.datarights.privacy;

import io.datarights.identifiers.Identifier;
import java.util.Set;

/**
 * What a request searches for: identifiers (a name, an e-mail...) and subject ids. A service acts
 * on every record it holds that matches any identifier (through the identifier index, filtered to
 * its own service name) or that is, or is linked to, one of the refs (a conversation whose
 * participant is the external contact, a journey session of the customer...).
 */
public record SubjectTerms(Set<Identifier> identifiers, Set<SubjectRef> refs) {

  public SubjectTerms {
    identifiers = Set.copyOf(identifiers);
    refs = Set.copyOf(refs);
  }

  public static SubjectTerms of(Identifier identifier) {
    return new SubjectTerms(Set.of(identifier), Set.of());
  }

  public static SubjectTerms of(SubjectRef ref) {
    return new SubjectTerms(Set.of(), Set.of(ref));
  }
}

package io.datarights.privacy;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subjects whose records must survive an erasure (Art. 17(3) GDPR, e.g. a legal hold for pending
 * litigation), each with the reason to report. The engine passes them to every service: a held
 * subject's ref no longer reaches linked records, and the service that owns the ref's type keeps
 * the held record itself and reports it as retained.
 */
public record ErasureExemptions(Map<SubjectRef, String> held) {

  public ErasureExemptions {
    held = Map.copyOf(held);
  }

  public static ErasureExemptions none() {
    return new ErasureExemptions(Map.of());
  }

  public boolean isEmpty() {
    return held.isEmpty();
  }

  public boolean exempts(SubjectRef ref) {
    return held.containsKey(ref);
  }

  /** Why the subject's record is kept; empty when it is not held. */
  public Optional<String> reasonFor(SubjectRef ref) {
    return Optional.ofNullable(held.get(ref));
  }

  /** The terms without the held refs, so that nothing is erased for being linked to a held subject. */
  public SubjectTerms withoutHeldRefs(SubjectTerms terms) {
    Set<SubjectRef> refs = new LinkedHashSet<>(terms.refs());
    refs.removeIf(held::containsKey);
    return new SubjectTerms(terms.identifiers(), refs);
  }
}

package io.datarights.privacy;

import io.datarights.identifiers.Identifier;
import io.datarights.shared.OrgId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A service that holds personal data and takes part in GDPR processing. Implementations are Spring
 * beans; every method is scoped to one org and must never touch another org's rows.
 */
public interface PersonalDataService {

  /** The service name used in the identifier index and in request outcomes, e.g. "directory". */
  String name();

  /** What the service holds and why: the source of the Art. 30 record and Art. 15(1) answers. */
  InventoryEntry inventory();

  /**
   * The persons this service holds that match one identifier (the {@code subjects} endpoint).
   * Services that hold no subjects of their own (conversations, flows) return an empty list.
   */
  List<SubjectMatch> findSubjects(OrgId org, Identifier identifier);

  /**
   * The persons among this service's records that the identifier index found, by record id: how
   * a subject search asks every service at once after one index query. Ids that name nothing
   * (any more) are left out.
   */
  List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds);

  /**
   * The known fields of a subject this service owns (a user id for directory, and so on), so that
   * a request for an id also searches for the record's name, e-mail, phones... Empty when the
   * reference is not of this service's type or names nothing in this org.
   */
  Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref);

  /** Writes every record of the subject that this service holds to the sink (Art. 15/20). */
  ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink);

  /** Replaces existing values with updated ones in the subject's records (Art. 16). */
  ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements);

  /**
   * Deletes or anonymizes the subject's records (Art. 17), as the inventory's erasure mode says.
   * Idempotent: running it again after a crash, or after it completed, is safe and finishes the job.
   */
  ServiceOutcome erase(OrgId org, SubjectTerms terms);

  /**
   * How many of the subject's records a search still finds, leaving out those deliberately
   * retained (and named as retained in the erase outcome). Zero after a complete erasure.
   */
  long remaining(OrgId org, SubjectTerms terms);

  /**
   * Erasure that keeps exempted (held) subjects. The default drops the held refs from the terms,
   * which is all a service needs that owns no subject of a held type; the service that owns a
   * held subject's type must also keep that record when an identifier finds it, and report it as
   * retained with the exemption's reason.
   */
  default ServiceOutcome erase(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    return erase(org, exemptions.withoutHeldRefs(terms));
  }

  /** {@link #remaining(OrgId, SubjectTerms)} not counting the exempted (deliberately retained) records. */
  default long remaining(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    return remaining(org, exemptions.withoutHeldRefs(terms));
  }
}

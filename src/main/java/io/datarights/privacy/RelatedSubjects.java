package io.datarights.privacy;

import io.datarights.shared.OrgId;
import java.util.List;

/**
 * Subjects that are one person with the given one (the members of an external contact's merge
 * set). A request for a subject with related subjects fans out into one request per member.
 */
public interface RelatedSubjects {

  /** The related subjects including {@code ref} itself; just {@code ref} when it has none. */
  List<SubjectRef> relatedTo(OrgId org, SubjectRef ref);
}

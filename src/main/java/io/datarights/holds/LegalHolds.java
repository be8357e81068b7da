package io.datarights.holds;

import io.datarights.privacy.SubjectRef;
import io.datarights.shared.OrgId;
import java.util.Map;
import java.util.Optional;

/** The active legal holds of an org: not released and not expired at the clock's now. */
public interface LegalHolds {

  /** The active hold on the subject, the oldest one if there are several. */
  Optional<Hold> activeHoldOn(OrgId org, SubjectRef ref);

  /** Every actively held subject of the org with its (oldest) active hold. */
  Map<SubjectRef, Hold> activeHolds(OrgId org);
}

package io.datarights.holds;

import io.datarights.privacy.SubjectRef;
import io.datarights.shared.OrgId;
import java.util.Map;

/** The active legal holds of an org: not released and not expired at the clock's now. */
public interface LegalHolds {

  /** Every actively held subject of the org with its (oldest) active hold. */
  Map<SubjectRef, Hold> activeHolds(OrgId org);
}

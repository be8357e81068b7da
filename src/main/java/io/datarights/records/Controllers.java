package io.datarights.records;

import io.datarights.shared.OrgId;
import java.util.Optional;

/** Read access to the controller details an org has given, e.g. for Art. 13-15 information. */
public interface Controllers {

  Optional<ControllerDetails> find(OrgId org);
}

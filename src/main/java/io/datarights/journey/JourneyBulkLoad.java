package io.datarights.journey;

import io.datarights.shared.OrgId;
import java.util.List;

/** Records visitors' consent and events through the same rules as the API. */
public interface JourneyBulkLoad {

  void load(OrgId org, List<BulkVisitor> visitors);
}

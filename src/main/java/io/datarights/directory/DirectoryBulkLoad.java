package io.datarights.directory;

import io.datarights.shared.OrgId;
import java.util.List;

/** Loads employees with given ids, stored and indexed as single writes would be. */
public interface DirectoryBulkLoad {

  void load(OrgId org, List<BulkUser> users);
}

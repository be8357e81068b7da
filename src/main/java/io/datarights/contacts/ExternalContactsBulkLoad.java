package io.datarights.contacts;

import io.datarights.shared.OrgId;
import java.util.List;

/** Loads many new contacts at once, stored and indexed exactly as single writes would be. */
public interface ExternalContactsBulkLoad {

  /** Joins the caller's transaction; one COPY for the rows, batched inserts for the index. */
  void load(OrgId org, List<BulkContact> contacts);
}

package io.datarights.conversations;

import io.datarights.shared.OrgId;
import java.util.List;

/** Loads many new interactions at once, stored and indexed exactly as single writes would be. */
public interface ConversationsBulkLoad {

  /** Joins the caller's transaction; COPY for the rows, batched inserts for the index. */
  void load(OrgId org, List<BulkConversation> conversations);
}

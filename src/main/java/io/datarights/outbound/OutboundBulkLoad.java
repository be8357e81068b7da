package io.datarights.outbound;

import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** Creates a contact list and imports a CSV file into it, by the rules of the API's import. */
public interface OutboundBulkLoad {

  /** @return the new list's id */
  UUID importList(OrgId org, String name, List<String> columns, String phoneColumn, String emailColumn, InputStream csv)
      throws IOException;
}

package io.datarights.outbound.internal;

import io.datarights.outbound.OutboundBulkLoad;
import io.datarights.shared.OrgId;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class BulkListLoader implements OutboundBulkLoad {

  private final ContactListService lists;
  private final ContactImporter importer;

  BulkListLoader(ContactListService lists, ContactImporter importer) {
    this.lists = lists;
    this.importer = importer;
  }

  @Override
  public UUID importList(OrgId org, String name, List<String> columns, String phoneColumn, String emailColumn, InputStream csv)
      throws IOException {
    ContactList list =
        lists.create(
            org,
            new ContactListDefinition(
                name, columns, List.of(new TypedColumn(phoneColumn, "cell")), List.of(new TypedColumn(emailColumn, "personal"))));
    importer.importCsv(org, list.id(), csv);
    return list.id();
  }
}

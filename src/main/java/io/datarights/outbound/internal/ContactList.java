package io.datarights.outbound.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A contact list as stored: its columns and which of them hold phone numbers or e-mail addresses. */
record ContactList(
    OrgId org,
    UUID id,
    String name,
    List<String> columnNames,
    List<TypedColumn> phoneColumns,
    List<TypedColumn> emailColumns,
    Instant createdAt) {

  ContactList {
    columnNames = List.copyOf(columnNames);
    phoneColumns = List.copyOf(phoneColumns);
    emailColumns = List.copyOf(emailColumns);
  }

  ContactList withDefinition(ContactListDefinition definition) {
    return new ContactList(
        org, id, definition.name(), definition.columnNames(), definition.phoneColumns(), definition.emailColumns(), createdAt);
  }

  ColumnRoles roles() {
    return ColumnRoles.of(this);
  }

  /** The values in the list's column order; keys the list does not have are left out. */
  Map<String, String> ordered(Map<String, String> data) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String column : columnNames) {
      if (data.containsKey(column)) {
        result.put(column, data.get(column));
      }
    }
    return result;
  }
}

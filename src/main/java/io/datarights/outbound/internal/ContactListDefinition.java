package io.datarights.outbound.internal;

import io.datarights.shared.ApiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The writable part of a contact list, validated: what POST and PUT accept. */
record ContactListDefinition(
    String name, List<String> columnNames, List<TypedColumn> phoneColumns, List<TypedColumn> emailColumns) {

  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_COLUMNS = 100;
  static final int MAX_COLUMN_NAME_LENGTH = 100;
  static final int MAX_TYPE_LENGTH = 50;

  /** The request body of POST and PUT; read-only fields (id, size...) sent along are ignored. */
  record Body(String name, List<String> columnNames, List<TypedColumn> phoneColumns, List<TypedColumn> emailColumns) {}

  /** Checks a body; a problem is a 400 naming the first offending field. */
  static ContactListDefinition of(Body body) {
    if (body.name() == null || body.name().isBlank()) {
      throw ApiException.invalidValue("name", "name is required.");
    }
    String name = body.name().strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw ApiException.invalidValue("name", "name must be at most " + MAX_NAME_LENGTH + " characters.");
    }
    List<String> columns = columns(body.columnNames());
    List<TypedColumn> phones = typed("phoneColumns", body.phoneColumns(), columns, Set.of());
    Set<String> phoneNames = new HashSet<>();
    phones.forEach(c -> phoneNames.add(c.columnName()));
    List<TypedColumn> emails = typed("emailColumns", body.emailColumns(), columns, phoneNames);
    return new ContactListDefinition(name, columns, phones, emails);
  }

  private static List<String> columns(List<String> given) {
    if (given == null || given.isEmpty()) {
      throw ApiException.invalidValue("columnNames", "columnNames must name at least one column.");
    }
    if (given.size() > MAX_COLUMNS) {
      throw ApiException.invalidValue("columnNames", "A contact list has at most " + MAX_COLUMNS + " columns.");
    }
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = "columnNames[" + i + "]";
      String column = given.get(i);
      if (column == null || column.isBlank()) {
        throw ApiException.invalidValue(field, field + " must not be blank.");
      }
      column = column.strip();
      if (column.length() > MAX_COLUMN_NAME_LENGTH) {
        throw ApiException.invalidValue(field, field + " must be at most " + MAX_COLUMN_NAME_LENGTH + " characters.");
      }
      // Names differing only in case would be one column to a spreadsheet user.
      if (!seen.add(column.toLowerCase(Locale.ROOT))) {
        throw ApiException.invalidValue(field, "The column " + column + " is named twice in columnNames.");
      }
      result.add(column);
    }
    return result;
  }

  private static List<TypedColumn> typed(
      String property, List<TypedColumn> given, List<String> columns, Set<String> takenByOtherType) {
    if (given == null) {
      return List.of();
    }
    List<TypedColumn> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String field = property + "[" + i + "]";
      TypedColumn column = given.get(i);
      if (column == null) {
        throw ApiException.invalidValue(field, field + " must not be null.");
      }
      String nameField = field + ".columnName";
      if (column.columnName() == null || column.columnName().isBlank()) {
        throw ApiException.invalidValue(nameField, nameField + " is required.");
      }
      String name = column.columnName().strip();
      if (!columns.contains(name)) {
        throw ApiException.invalidValue(nameField, nameField + " must be one of columnNames.");
      }
      if (!seen.add(name)) {
        throw ApiException.invalidValue(nameField, "The column " + name + " is named twice in " + property + ".");
      }
      if (takenByOtherType.contains(name)) {
        throw ApiException.invalidValue(nameField, "The column " + name + " cannot be both a phone and an e-mail column.");
      }
      String type = column.type() == null || column.type().isBlank() ? null : column.type().strip();
      if (type != null && type.length() > MAX_TYPE_LENGTH) {
        throw ApiException.invalidValue(field + ".type", field + ".type must be at most " + MAX_TYPE_LENGTH + " characters.");
      }
      result.add(new TypedColumn(name, type));
    }
    return result;
  }
}

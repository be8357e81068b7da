package io.datarights.outbound.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.shared.StorableText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the columns of a list mean for personal data: which hold phone numbers and e-mail addresses
 * (typed by the list) and which hold the person's name (recognized by their names: {@code name},
 * {@code fullName}, or {@code firstName} with {@code lastName}, in any case and with or without
 * spaces or underscores). These are the values that are validated, indexed and rectified.
 */
final class ColumnRoles {

  /** Longest value of a column; longer ones are refused rather than truncated. */
  static final int MAX_VALUE_LENGTH = 4096;

  private final Set<String> columns;
  private final Set<String> phoneColumns = new HashSet<>();
  private final Set<String> emailColumns = new HashSet<>();
  private final List<String> fullNameColumns = new ArrayList<>();
  private final String firstNameColumn;
  private final String lastNameColumn;

  private ColumnRoles(ContactList list) {
    columns = Set.copyOf(list.columnNames());
    list.phoneColumns().forEach(c -> phoneColumns.add(c.columnName()));
    list.emailColumns().forEach(c -> emailColumns.add(c.columnName()));
    String first = null;
    String last = null;
    for (String column : list.columnNames()) {
      switch (key(column)) {
        case "name", "fullname" -> fullNameColumns.add(column);
        case "firstname" -> first = first == null ? column : first;
        case "lastname" -> last = last == null ? column : last;
        default -> {}
      }
    }
    // A first name alone says too little to be searched as a name.
    firstNameColumn = first != null && last != null ? first : null;
    lastNameColumn = first != null && last != null ? last : null;
  }

  static ColumnRoles of(ContactList list) {
    return new ColumnRoles(list);
  }

  private static String key(String column) {
    return column.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
  }

  /** Why a value cannot be stored in a column, as an error code and a phrase about the column. */
  enum Problem {
    UNKNOWN_COLUMN("unknown.column", "is not a column of the contact list", "is not a column of the list"),
    NOT_A_PHONE_NUMBER(
        "invalid.phone", "is a phone column and the value is not a phone number", "is not a phone number"),
    NOT_AN_EMAIL_ADDRESS(
        "invalid.email", "is an e-mail column and the value is not an e-mail address", "is not an e-mail address"),
    TOO_LONG(
        "value.too.long",
        "holds a value longer than " + MAX_VALUE_LENGTH + " characters",
        "is longer than " + MAX_VALUE_LENGTH + " characters"),
    UNSTORABLE_TEXT(
        "invalid.text",
        "holds a NUL character or half of a surrogate pair, which cannot be stored",
        "holds a NUL character or half of a surrogate pair");

    final String code;
    /** Completes "the column X ...". */
    final String phrase;
    /** Completes "row 17: X ...", for row reports. */
    final String shortPhrase;

    Problem(String code, String phrase, String shortPhrase) {
      this.code = code;
      this.phrase = phrase;
      this.shortPhrase = shortPhrase;
    }
  }

  /** The problem with writing this value to this column, if any. Blank values are always fine. */
  Optional<Problem> check(String column, String value, String region) {
    if (!columns.contains(column)) {
      return Optional.of(Problem.UNKNOWN_COLUMN);
    }
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.length() > MAX_VALUE_LENGTH) {
      return Optional.of(Problem.TOO_LONG);
    }
    if (!StorableText.isStorable(value)) {
      return Optional.of(Problem.UNSTORABLE_TEXT);
    }
    if (phoneColumns.contains(column) && PhoneNumbers.parse(value, region).isEmpty()) {
      return Optional.of(Problem.NOT_A_PHONE_NUMBER);
    }
    if (emailColumns.contains(column) && !Emails.isValid(value)) {
      return Optional.of(Problem.NOT_AN_EMAIL_ADDRESS);
    }
    return Optional.empty();
  }

  boolean isPhone(String column) {
    return phoneColumns.contains(column);
  }

  boolean isEmail(String column) {
    return emailColumns.contains(column);
  }

  List<String> fullNameColumns() {
    return fullNameColumns;
  }

  Optional<String> firstNameColumn() {
    return Optional.ofNullable(firstNameColumn);
  }

  Optional<String> lastNameColumn() {
    return Optional.ofNullable(lastNameColumn);
  }

  /** The person's name as the row gives it, or null. */
  String name(Map<String, String> data) {
    for (String column : fullNameColumns) {
      String value = data.get(column);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    if (firstNameColumn == null) {
      return null;
    }
    String joined = join(data.get(firstNameColumn), data.get(lastNameColumn));
    return joined.isEmpty() ? null : joined;
  }

  /** The identifiers a subject search finds the row by: its phones, e-mails and names. */
  List<Identifier> identifiers(Map<String, String> data) {
    List<Identifier> result = new ArrayList<>();
    for (Map.Entry<String, String> entry : data.entrySet()) {
      String value = entry.getValue();
      if (value == null || value.isBlank()) {
        continue;
      }
      if (phoneColumns.contains(entry.getKey())) {
        result.add(Identifier.phone(value));
      } else if (emailColumns.contains(entry.getKey())) {
        result.add(Identifier.email(value));
      }
    }
    for (String column : fullNameColumns) {
      String value = data.get(column);
      if (value != null && !value.isBlank()) {
        result.add(Identifier.name(value));
      }
    }
    if (firstNameColumn != null) {
      String joined = join(data.get(firstNameColumn), data.get(lastNameColumn));
      if (!joined.isEmpty()) {
        result.add(Identifier.name(joined));
      }
    }
    return result;
  }

  /** Whether both lists index the same columns in the same roles (else the index must be rebuilt). */
  boolean sameIdentifiersAs(ColumnRoles other) {
    return phoneColumns.equals(other.phoneColumns)
        && emailColumns.equals(other.emailColumns)
        && fullNameColumns.equals(other.fullNameColumns)
        && java.util.Objects.equals(firstNameColumn, other.firstNameColumn)
        && java.util.Objects.equals(lastNameColumn, other.lastNameColumn);
  }

  static String join(String first, String last) {
    String a = first == null ? "" : first.strip();
    String b = last == null ? "" : last.strip();
    return (a + " " + b).strip();
  }
}

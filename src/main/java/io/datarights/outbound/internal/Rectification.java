package io.datarights.outbound.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.shared.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Art. 16 on a contact's data: a phone, e-mail or name value is replaced where it equals the term's
 * existing value after normalization ("030 1234567" matches "+49 30 1234567"), in the columns of
 * that kind only. Other columns are free-form and are never rewritten.
 */
final class Rectification {

  private final String region;

  Rectification(String region) {
    this.region = region;
  }

  /** Refuses updated values a phone or e-mail column could not hold. */
  void validate(List<ReplacementTerm> replacements) {
    for (ReplacementTerm term : replacements) {
      String updated = term.updatedValue();
      if (updated == null || updated.isBlank()) {
        throw ApiException.invalidValue("replacementTerms", "replacementTerms need an updatedValue.");
      }
      if (term.type() == IdentifierKind.PHONE && PhoneNumbers.parse(updated, region).isEmpty()) {
        throw ApiException.invalidValue("replacementTerms", "The updatedValue of a PHONE term is not a phone number.");
      }
      if (term.type() == IdentifierKind.EMAIL && !Emails.isValid(updated)) {
        throw ApiException.invalidValue("replacementTerms", "The updatedValue of an EMAIL term is not an e-mail address.");
      }
    }
  }

  /** The data with every replacement applied; equal to the input when nothing matched. */
  Map<String, String> apply(ColumnRoles roles, Map<String, String> data, List<ReplacementTerm> replacements) {
    Map<String, String> result = new LinkedHashMap<>(data);
    for (ReplacementTerm term : replacements) {
      Optional<String> existing = normalize(term.type(), term.existingValue());
      if (existing.isEmpty()) {
        continue;
      }
      String updated = term.updatedValue().strip();
      switch (term.type()) {
        case PHONE -> replaceIn(result, roles::isPhone, term.type(), existing.get(), updated);
        case EMAIL -> replaceIn(result, roles::isEmail, term.type(), existing.get(), updated);
        case NAME -> replaceName(result, roles, existing.get(), updated);
        default -> {}
      }
    }
    return result;
  }

  private void replaceIn(
      Map<String, String> data, java.util.function.Predicate<String> column, IdentifierKind kind, String existing, String updated) {
    for (Map.Entry<String, String> entry : data.entrySet()) {
      if (column.test(entry.getKey()) && matches(kind, entry.getValue(), existing)) {
        entry.setValue(updated);
      }
    }
  }

  private void replaceName(Map<String, String> data, ColumnRoles roles, String existing, String updated) {
    replaceIn(data, roles.fullNameColumns()::contains, IdentifierKind.NAME, existing, updated);
    if (roles.firstNameColumn().isEmpty()) {
      return;
    }
    String first = roles.firstNameColumn().get();
    String last = roles.lastNameColumn().orElseThrow();
    if (matches(IdentifierKind.NAME, ColumnRoles.join(data.get(first), data.get(last)), existing)) {
      // The whole name: its last word becomes the last name, the rest the first name.
      String[] words = updated.split("\\s+");
      if (words.length == 1) {
        data.put(first, updated);
        data.put(last, "");
      } else {
        data.put(first, String.join(" ", java.util.Arrays.copyOf(words, words.length - 1)));
        data.put(last, words[words.length - 1]);
      }
      return;
    }
    // Or one part of it, e.g. a last name changed by marriage.
    if (matches(IdentifierKind.NAME, data.get(first), existing)) {
      data.put(first, updated);
    }
    if (matches(IdentifierKind.NAME, data.get(last), existing)) {
      data.put(last, updated);
    }
  }

  private boolean matches(IdentifierKind kind, String value, String normalizedExisting) {
    return normalize(kind, value).map(normalizedExisting::equals).orElse(false);
  }

  private Optional<String> normalize(IdentifierKind kind, String value) {
    return Normalization.normalize(kind, value, region);
  }
}

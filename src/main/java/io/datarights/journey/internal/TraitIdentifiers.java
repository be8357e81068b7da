package io.datarights.journey.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.PhoneNumbers;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which traits of an event identify the visitor: values that are e-mail addresses, phone numbers
 * under a phone-like key (or written with a leading +), and names under a name key. Other traits
 * (a postcode, a product id) are left unindexed, so that a number is not mistaken for a phone.
 */
final class TraitIdentifiers {

  private static final Set<String> NAME_KEYS =
      Set.of("name", "fullname", "firstname", "lastname", "givenname", "familyname", "surname", "middlename");
  private static final List<String> PHONE_KEY_PARTS = List.of("phone", "mobile", "cell", "fax", "msisdn", "whatsapp");
  private static final Pattern INTERNATIONAL = Pattern.compile("\\+[0-9 ()./-]{6,}");
  private static final Pattern KEY_SEPARATORS = Pattern.compile("[\\s_.-]+");

  private TraitIdentifiers() {}

  /** The kind of identifier a trait holds, if any. */
  static Optional<IdentifierKind> kindOf(String key, String value, String region) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String k = simpleKey(key);
    if (NAME_KEYS.contains(k)) {
      return Optional.of(IdentifierKind.NAME);
    }
    if (Emails.isValid(value)) {
      return Optional.of(IdentifierKind.EMAIL);
    }
    boolean phoneKey = k.equals("tel") || PHONE_KEY_PARTS.stream().anyMatch(k::contains);
    if ((phoneKey || INTERNATIONAL.matcher(value.strip()).matches()) && PhoneNumbers.parse(value, region).isPresent()) {
      return Optional.of(IdentifierKind.PHONE);
    }
    return Optional.empty();
  }

  /** The identifiers of one event's traits; first and last name also together, as people are searched. */
  static Set<Identifier> of(Map<String, String> traits, String region) {
    Set<Identifier> result = new LinkedHashSet<>();
    String first = null;
    String last = null;
    for (var trait : traits.entrySet()) {
      Optional<IdentifierKind> kind = kindOf(trait.getKey(), trait.getValue(), region);
      kind.ifPresent(k -> result.add(new Identifier(k, trait.getValue().strip())));
      String k = simpleKey(trait.getKey());
      if (kind.isPresent() && (k.equals("firstname") || k.equals("givenname"))) {
        first = trait.getValue().strip();
      } else if (kind.isPresent() && (k.equals("lastname") || k.equals("familyname") || k.equals("surname"))) {
        last = trait.getValue().strip();
      }
    }
    if (first != null && last != null) {
      result.add(Identifier.name(first + " " + last));
    }
    return result;
  }

  static Set<Identifier> ofAll(Collection<Map<String, String>> traits, String region) {
    Set<Identifier> result = new LinkedHashSet<>();
    traits.forEach(t -> result.addAll(of(t, region)));
    return result;
  }

  /** The best name the traits give: a full name, else first and last name together. */
  static String nameOf(Map<String, String> traits) {
    String first = null;
    String last = null;
    for (var trait : traits.entrySet()) {
      if (trait.getValue() == null || trait.getValue().isBlank()) {
        continue;
      }
      switch (simpleKey(trait.getKey())) {
        case "name", "fullname" -> {
          return trait.getValue().strip();
        }
        case "firstname", "givenname" -> first = trait.getValue().strip();
        case "lastname", "familyname", "surname" -> last = trait.getValue().strip();
        default -> {}
      }
    }
    if (first == null && last == null) {
      return null;
    }
    return first == null ? last : last == null ? first : first + " " + last;
  }

  private static String simpleKey(String key) {
    return KEY_SEPARATORS.matcher(key.strip().toLowerCase(Locale.ROOT)).replaceAll("");
  }
}

package io.datarights.scanner.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.datarights.identifiers.Emails;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.shared.OrgId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The detectors over one free text: e-mail addresses, phone numbers, IBANs and known names. */
@Component
class Detectors {

  /** Texts longer than this are scanned only up to here: bounds the work per field. */
  static final int MAX_TEXT = 10_000;
  /** Name candidates looked up in the index per text, at most. */
  static final int MAX_NAME_LOOKUPS = 32;

  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+'-]{1,64}@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
  // Country code, check digits, then 11 to 30 alphanumerics, optionally grouped by single spaces.
  private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}\\b");
  private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}'-]*");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  private final IdentifierIndex index;

  Detectors(IdentifierIndex index) {
    this.index = index;
  }

  /** What the text holds, each value once. {@code region} is the org's default phone region. */
  List<Detection> detect(OrgId org, String region, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String bounded = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    Map<String, Detection> found = new LinkedHashMap<>();
    emails(bounded).forEach(d -> found.putIfAbsent(d.kind() + d.normalized(), d));
    ibans(bounded).forEach(d -> found.putIfAbsent(d.kind() + d.normalized(), d));
    phones(bounded, region, found).forEach(d -> found.putIfAbsent(d.kind() + d.normalized(), d));
    names(org, region, bounded).forEach(d -> found.putIfAbsent(d.kind() + d.normalized(), d));
    return List.copyOf(found.values());
  }

  private static List<Detection> emails(String text) {
    List<Detection> result = new ArrayList<>();
    Matcher m = EMAIL.matcher(text);
    while (m.find()) {
      String email = m.group();
      if (Emails.isValid(email)) {
        result.add(new Detection(DetectorKind.EMAIL, Emails.normalize(email), Masks.email(Emails.normalize(email))));
      }
    }
    return result;
  }

  private static List<Detection> ibans(String text) {
    List<Detection> result = new ArrayList<>();
    Matcher m = IBAN.matcher(text.toUpperCase(Locale.ROOT));
    while (m.find()) {
      String iban = m.group().replace(" ", "");
      if (iban.length() >= 15 && iban.length() <= 34 && checksumValid(iban)) {
        result.add(new Detection(DetectorKind.IBAN, iban, Masks.iban(iban)));
      }
    }
    return result;
  }

  /** ISO 13616: the first four characters moved to the end, letters as 10..35, mod 97 is 1. */
  static boolean checksumValid(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
  }

  /** Phone numbers, except digit runs that are part of an IBAN already found. */
  private static List<Detection> phones(String text, String region, Map<String, Detection> found) {
    List<Detection> result = new ArrayList<>();
    for (PhoneNumberMatch match : PHONES.findNumbers(text, region)) {
      String digits = match.rawString().replaceAll("\\D", "");
      boolean insideIban =
          found.values().stream().anyMatch(d -> d.kind() == DetectorKind.IBAN && d.normalized().contains(digits));
      if (insideIban) {
        continue;
      }
      String e164 = PHONES.format(match.number(), PhoneNumberUtil.PhoneNumberFormat.E164);
      result.add(new Detection(DetectorKind.PHONE, e164, Masks.phone(match.number().getCountryCode(), e164)));
    }
    return result;
  }

  /**
   * Known names: runs of two or three capitalised words looked up as NAME in the identifier
   * index, so a name counts only if some record of the org carries it. Bounded per text.
   */
  private List<Detection> names(OrgId org, String region, String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    List<Detection> result = new ArrayList<>();
    int lookups = 0;
    for (int i = 0; i < words.size() && lookups < MAX_NAME_LOOKUPS; i++) {
      for (int n = 3; n >= 2 && lookups < MAX_NAME_LOOKUPS; n--) {
        if (i + n > words.size()) {
          continue;
        }
        String candidate = String.join(" ", words.subList(i, i + n));
        if (!adjacent(text, words.subList(i, i + n))) {
          continue;
        }
        lookups++;
        if (!index.lookup(org, IdentifierKind.NAME, candidate).isEmpty()) {
          String normalized = Normalization.normalize(IdentifierKind.NAME, candidate, region).orElse(candidate);
          result.add(new Detection(DetectorKind.NAME, normalized, Masks.name(candidate)));
          i += n - 1;
          break;
        }
      }
    }
    return result;
  }

  /** Whether the words stand next to each other in the text, separated by whitespace only. */
  private static boolean adjacent(String text, List<String> words) {
    return text.contains(String.join(" ", words));
  }
}

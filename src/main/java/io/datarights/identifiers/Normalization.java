package io.datarights.identifiers;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one normalization of identifiers, applied on write (to the index) and on search (to the
 * search value), so that formatting variants of one identifier meet at one key.
 */
public final class Normalization {

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Normalization() {}

  /**
   * The normalized key of a value, or empty if the value holds nothing to match on (blank, or a
   * phone number that cannot be one).
   */
  public static Optional<String> normalize(IdentifierKind kind, String value, String defaultRegion) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String result =
        switch (kind) {
          case PHONE -> PhoneNumbers.parse(value, defaultRegion).map(PhoneNumbers.Parsed::e164).orElse(null);
          case WHATSAPP -> PhoneNumbers.parse(value, defaultRegion).map(PhoneNumbers.Parsed::e164).orElse(handle(value));
          case EMAIL -> Emails.normalize(value);
          case NAME -> sortedTokens(fold(value));
          case ADDRESS -> fold(value);
          case TWITTER, INSTAGRAM, FACEBOOK, APPLE_MESSAGES -> handle(value);
          case EXTERNAL_ID -> value.strip().toLowerCase(Locale.ROOT);
        };
    return result == null || result.isEmpty() ? Optional.empty() : Optional.of(result);
  }

  /** Letters without diacritics, lower case, punctuation as single spaces. */
  static String fold(String value) {
    String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD);
    String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    plain =
        plain
            .replace("ß", "ss")
            .replace("æ", "ae")
            .replace("œ", "oe")
            .replace("ø", "o")
            .replace("ł", "l")
            .replace("đ", "d")
            .replace("þ", "th")
            .replace("ı", "i");
    return NOT_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").strip();
  }

  private static String sortedTokens(String folded) {
    return Arrays.stream(folded.split(" ")).filter(t -> !t.isEmpty()).sorted().collect(Collectors.joining(" "));
  }

  private static String handle(String value) {
    String stripped = value.strip();
    while (stripped.startsWith("@")) {
      stripped = stripped.substring(1);
    }
    return stripped.toLowerCase(Locale.ROOT);
  }
}

package io.datarights.scanner.internal;

/** Masked excerpts: enough to recognise the shape of what was found, not the value. */
final class Masks {

  private Masks() {}

  /** {@code jane.doe@example.com} as {@code j***@e***.com}. */
  static String email(String email) {
    int at = email.lastIndexOf('@');
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    int dot = domain.lastIndexOf('.');
    return first(local) + "***@" + first(domain) + "***" + domain.substring(dot);
  }

  /** {@code +4930123467} as {@code +49 *** ***67}: the country code and the last two digits. */
  static String phone(int countryCode, String e164) {
    return "+" + countryCode + " *** ***" + e164.substring(e164.length() - 2);
  }

  /** {@code DE89370400440532013000} as {@code DE** **** ... 3000}. */
  static String iban(String iban) {
    return iban.substring(0, 2) + "** **** ... " + iban.substring(iban.length() - 4);
  }

  /** {@code Jürgen Müller} as {@code J*** M***}. */
  static String name(String name) {
    StringBuilder masked = new StringBuilder();
    for (String token : name.strip().split("\\s+")) {
      if (!masked.isEmpty()) {
        masked.append(' ');
      }
      masked.append(first(token)).append("***");
    }
    return masked.toString();
  }

  private static String first(String text) {
    return text.isEmpty() ? "" : text.substring(0, text.offsetByCodePoints(0, 1));
  }
}

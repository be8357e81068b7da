package io.datarights.identifiers;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses: a pragmatic validity check and the normalized form used for matching. */
public final class Emails {

  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

  private Emails() {}

  public static boolean isValid(String value) {
    return value != null && value.length() <= 254 && SHAPE.matcher(value.strip()).matches();
  }

  public static String normalize(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}

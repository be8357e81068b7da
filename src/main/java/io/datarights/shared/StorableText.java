package io.datarights.shared;

/**
 * Text PostgreSQL can store as it was sent. A NUL character is refused by {@code text} and
 * {@code jsonb} columns alike, and half of a surrogate pair is no character at all (the driver would
 * store a '?' in its place); input holding either is refused with a 400 instead.
 */
public final class StorableText {

  private StorableText() {}

  public static boolean isStorable(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || Character.isLowSurrogate(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return false;
        }
      }
    }
    return true;
  }

  /** What a 400 says about such a value. */
  public static String problem(String field) {
    return "The value of " + field + " holds a NUL character or half of a surrogate pair; such text cannot be stored.";
  }
}

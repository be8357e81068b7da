package io.datarights.shared.web;

import java.io.IOException;

/** Raised while reading a body that grows past the limit; answered with 413. */
public final class BodyTooLargeException extends IOException {

  static final String CODE = "request.entity.too.large";

  private final long limit;

  BodyTooLargeException(long limit) {
    super(message(limit), null);
    this.limit = limit;
  }

  static String message(long limit) {
    return "The request body is larger than the limit of " + limit + " bytes.";
  }

  long limit() {
    return limit;
  }

  static BodyTooLargeException findIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  static boolean isCauseOf(Throwable e) {
    return findIn(e) != null;
  }
}

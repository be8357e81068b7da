package io.datarights.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Why background work failed, in words for the person reading an error reason: no class names, no SQL. */
public final class FailureCauses {

  private FailureCauses() {}

  /** E.g. "the database could not be reached"; {@code subject} names what the server log is searched by ("this job's id"). */
  public static String describe(Throwable cause, String subject) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
        return "the database could not be reached";
      }
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return "the file store could not be read or written";
      }
    }
    return "of an unexpected internal error (the server log names it with " + subject + ")";
  }
}

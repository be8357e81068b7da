package io.datarights.database.internal;

/** The embedded PostgreSQL cannot be started; says why and what the operator can do about it. */
class EmbeddedPostgresException extends RuntimeException {

  private final String action;

  EmbeddedPostgresException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  String action() {
    return action;
  }
}

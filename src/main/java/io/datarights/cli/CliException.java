package io.datarights.cli;

/** A failure to tell the person at the terminal in one line; the command exits non-zero. */
class CliException extends RuntimeException {

  CliException(String message) {
    super(message, null, false, false);
  }
}

package io.datarights.gdpr.internal;

import java.util.List;

/**
 * How far one service has got with one request; {@code status} is PENDING, RUNNING, DONE or ERROR.
 * {@code stillFound}: what the search after an erasure still found (null until then).
 */
record ServiceProgress(
    String service,
    String status,
    long matched,
    long exported,
    long updated,
    long deleted,
    long anonymized,
    long retained,
    List<String> reasons,
    String error,
    int attempts,
    Long stillFound) {

  static final String PENDING = "PENDING";
  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  static final String ERROR = "ERROR";
}

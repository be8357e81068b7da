package io.datarights.scanner.internal;

import java.time.Instant;
import java.util.UUID;

/** One completed scan of an org. */
record ScanRun(
    UUID id, String trigger, String startedBy, Instant startedAt, Instant completedAt, int recordsScanned, int findingsCount) {

  static final String MANUAL = "manual";
  static final String SCHEDULED = "scheduled";
}

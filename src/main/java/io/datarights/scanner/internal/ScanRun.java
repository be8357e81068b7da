package io.datarights.scanner.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One scan of an org, queued, running or ended. While it runs, the counts are those committed so
 * far and {@code scanning} names the place being scanned; {@code startedAt} and {@code completedAt}
 * are null until then.
 */
record ScanRun(
    UUID id,
    ScanStatus status,
    String trigger,
    String startedBy,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    int placesTotal,
    int placesScanned,
    String scanning,
    int recordsScanned,
    int findingsCount,
    String errorReason) {

  static final String MANUAL = "manual";
  static final String SCHEDULED = "scheduled";
}

package io.datarights.scanner.internal;

/** Where a scan run is: waiting for the scheduler, scanning, or ended. */
enum ScanStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  FAILED;

  boolean finished() {
    return this == COMPLETED || this == FAILED;
  }
}

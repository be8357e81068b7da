package io.datarights.bulkerasure.internal;

/** Where a bulk erasure is: filed, erasing chunk by chunk, completing, or ended. */
enum JobStatus {
  INITIATED,
  DELETING,
  FINALIZING,
  COMPLETED,
  ERROR;

  boolean finished() {
    return this == COMPLETED || this == ERROR;
  }
}

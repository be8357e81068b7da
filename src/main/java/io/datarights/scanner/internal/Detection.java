package io.datarights.scanner.internal;

/**
 * One value a detector found. {@code normalized} is the value in clear and lives only in memory:
 * it is hashed, never stored, logged or returned.
 */
record Detection(DetectorKind kind, String normalized, String masked) {

  @Override
  public String toString() {
    return "Detection[" + kind + ", " + masked + "]";
  }
}

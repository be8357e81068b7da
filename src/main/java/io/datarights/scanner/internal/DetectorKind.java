package io.datarights.scanner.internal;

/** What a detector recognised. */
enum DetectorKind {
  EMAIL,
  PHONE,
  IBAN,
  NAME
}

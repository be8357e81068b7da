package io.datarights.scanner.internal;

/** Where personal data was found and what kind; the value itself only as a mask and a keyed hash. */
record Finding(String service, String recordId, String fieldPath, DetectorKind kind, String maskedExcerpt, String valueHash) {}

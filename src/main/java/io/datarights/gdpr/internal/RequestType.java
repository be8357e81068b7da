package io.datarights.gdpr.internal;

/** Art. 15/20 export, Art. 16 rectification, Art. 17 erasure. */
enum RequestType {
  GDPR_EXPORT,
  GDPR_UPDATE,
  GDPR_DELETE
}

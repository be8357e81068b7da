package io.datarights.privacy;

/** How a service answers an erasure request. */
public enum ErasureMode {
  /** Records are deleted. */
  DELETE,
  /** Records stay for statistics with the subject's data replaced or removed. */
  ANONYMIZE,
  /** Kept while a legal basis holds (an active employee), anonymized once it no longer does. */
  RETAIN_WHILE_LAWFUL,
  /** Holds no personal data by design; never searched, only scanned. */
  NONE
}

package io.datarights.ratelimit;

/** An action with its own buckets; the limits are configured per action. */
public enum RateLimitedAction {
  GDPR_REQUEST_CREATE("gdpr-request-create"),
  GDPR_SUBJECT_SEARCH("gdpr-subject-search"),
  GDPR_BULK_ERASURE("gdpr-bulk-erasure"),
  /** PII scans asked for by a client (API or console); the daily scheduled scans are not counted. */
  PII_SCAN("pii-scan"),
  /** Failed client authentications (token endpoint, console sign-in), per client id and per remote address. */
  CLIENT_AUTHENTICATION("client-authentication");

  private final String key;

  RateLimitedAction(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}

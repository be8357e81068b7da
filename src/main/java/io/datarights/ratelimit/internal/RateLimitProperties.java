package io.datarights.ratelimit.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code datarights.rate-limits.actions.<action>.per-org|per-client|per-address|period}; strict
 * defaults as the Genesys GDPR API has (10 request creations and 60 subject searches a minute),
 * and 10 failed client authentications per client id and 30 per remote address a minute.
 */
@ConfigurationProperties("datarights.rate-limits")
record RateLimitProperties(Map<String, Limit> actions) {

  record Limit(int perOrg, int perClient, int perAddress, Duration period) {}

  static final Map<String, Limit> DEFAULTS =
      Map.of(
          "gdpr-request-create", new Limit(10, 10, 0, Duration.ofMinutes(1)),
          "gdpr-subject-search", new Limit(60, 60, 0, Duration.ofMinutes(1)),
          "client-authentication", new Limit(0, 10, 30, Duration.ofMinutes(1)),
          // A bulk erasure files up to 100,000 subjects at once.
          "gdpr-bulk-erasure", new Limit(2, 2, 0, Duration.ofHours(1)),
          // A scan reads every unsearched place of the org: seconds of database work each.
          "pii-scan", new Limit(6, 6, 0, Duration.ofHours(1)));

  /** The configured limit, each setting not given taken from the default. */
  Limit limitFor(String action) {
    Limit fallback = DEFAULTS.get(action);
    Limit given = actions == null ? null : actions.get(action);
    if (given == null) {
      return fallback;
    }
    return new Limit(
        given.perOrg() > 0 ? given.perOrg() : fallback.perOrg(),
        given.perClient() > 0 ? given.perClient() : fallback.perClient(),
        given.perAddress() > 0 ? given.perAddress() : fallback.perAddress(),
        given.period() != null ? given.period() : fallback.period());
  }
}

package io.datarights.ratelimit.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code datarights.rate-limits.<action>.per-org|per-client|period}; strict defaults as the
 * Genesys GDPR API has (10 request creations and 60 subject searches a minute).
 */
@ConfigurationProperties("datarights.rate-limits")
record RateLimitProperties(Map<String, Limit> actions) {

  record Limit(int perOrg, int perClient, Duration period) {}

  static final Map<String, Limit> DEFAULTS =
      Map.of(
          "gdpr-request-create", new Limit(10, 10, Duration.ofMinutes(1)),
          "gdpr-subject-search", new Limit(60, 60, Duration.ofMinutes(1)));

  Limit limitFor(String action) {
    if (actions != null && actions.containsKey(action)) {
      return actions.get(action);
    }
    return DEFAULTS.get(action);
  }
}

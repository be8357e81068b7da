package io.datarights.scanner.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.scanner.*}: how often every org is scanned; how long an ended run and its
 * findings are kept (the audit trail keeps each run's counts); how often a failing scan is retried,
 * and after how long at first (doubling).
 */
@ConfigurationProperties("datarights.scanner")
record ScannerProperties(
    @DefaultValue("1d") Duration interval,
    @DefaultValue("90d") Duration findingsRetention,
    @DefaultValue("3") int maxRetries,
    @DefaultValue("30s") Duration firstRetryDelay) {

  ScannerProperties {
    if (findingsRetention.isNegative() || findingsRetention.isZero()) {
      throw new IllegalArgumentException("datarights.scanner.findings-retention must be positive");
    }
  }
}

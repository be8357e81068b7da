package io.datarights.gdpr.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.gdpr.*}: retries of a failing step (exponential back-off from the first delay)
 * and how long export packages stay downloadable.
 */
@ConfigurationProperties("datarights.gdpr")
record ProcessingProperties(
    @DefaultValue("6") int maxRetries,
    @DefaultValue("2s") Duration firstRetryDelay,
    @DefaultValue("7d") Duration resultsTtl) {}

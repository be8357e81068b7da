package io.datarights.gdpr.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.gdpr.*}: retries of a failing step (exponential back-off from the first delay),
 * how long export packages stay downloadable, and the largest merge set one request fans out over
 * (a larger one is refused: it likely joins different people, and it files that many requests).
 */
@ConfigurationProperties("datarights.gdpr")
record ProcessingProperties(
    @DefaultValue("6") int maxRetries,
    @DefaultValue("2s") Duration firstRetryDelay,
    @DefaultValue("7d") Duration resultsTtl,
    @DefaultValue("100") int maxMergeSetFanOut) {}

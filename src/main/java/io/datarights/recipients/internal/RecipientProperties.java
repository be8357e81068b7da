package io.datarights.recipients.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.recipients.*}: how a notification is retried (exponential back-off doubling
 * from the first delay, up to {@code maxRetries} retries after the first attempt) and how long one
 * attempt may take.
 */
@ConfigurationProperties("datarights.recipients")
record RecipientProperties(
    @DefaultValue("10") int maxRetries,
    @DefaultValue("30s") Duration firstRetryDelay,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout) {}

package io.datarights.recipients.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.recipients.*}: how a notification is retried (exponential back-off doubling
 * from the first delay, up to {@code maxRetries} retries after the first attempt), how long one
 * attempt may take, and the bounds that keep one org's recipients from delaying anybody else:
 * recipients per org, the delivery scheduler's own threads, and the deliveries of one org in
 * flight at once on a node.
 */
@ConfigurationProperties("datarights.recipients")
record RecipientProperties(
    @DefaultValue("10") int maxRetries,
    @DefaultValue("30s") Duration firstRetryDelay,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("20") int maxPerOrg,
    @DefaultValue("8") int deliveryThreads,
    @DefaultValue("4") int maxDeliveriesInFlightPerOrg) {

  RecipientProperties {
    if (maxPerOrg < 1 || deliveryThreads < 1 || maxDeliveriesInFlightPerOrg < 1) {
      throw new IllegalArgumentException(
          "datarights.recipients.max-per-org, .delivery-threads and .max-deliveries-in-flight-per-org must be at least 1");
    }
  }
}

package io.datarights.bulkerasure.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datarights.gdpr.*}: the retries of a failing step, shared with single requests, and the
 * shape of bulk erasures: subjects per chunk and how many chunks are erased at the same time (the
 * rest waits, so that single requests are not held up behind a whole bulk job).
 */
@ConfigurationProperties("datarights.gdpr")
record BulkErasureProperties(
    @DefaultValue("6") int maxRetries,
    @DefaultValue("2s") Duration firstRetryDelay,
    @DefaultValue("2000") int bulkErasureChunkSize,
    @DefaultValue("2") int bulkErasureParallelChunks) {

  /** The most subjects one file may name. */
  static final int MAX_SUBJECTS = 100_000;

  BulkErasureProperties {
    if (bulkErasureChunkSize < 1 || bulkErasureParallelChunks < 1) {
      throw new IllegalArgumentException("datarights.gdpr.bulk-erasure-chunk-size and -parallel-chunks must be at least 1");
    }
  }
}

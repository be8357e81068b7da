package io.datarights.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes (two rate limiters on one PostgreSQL) drawing on the same buckets in turn: a limit of
 * 100 or more is counted on each node between writes, so that together they overshoot it by at
 * most 1 % per node; a smaller limit (the defaults) is counted exactly in PostgreSQL.
 */
class LocallyCountedLimitsTest extends IntegrationTest {

  @Autowired DataSource dataSource;

  private PostgresRateLimits node(int perClient) {
    Map<String, RateLimitProperties.Limit> limits =
        Map.of("gdpr-subject-search", new RateLimitProperties.Limit(1_000_000, perClient, 0, Duration.ofHours(1)));
    return new PostgresRateLimits(dataSource, new RateLimitProperties(limits), clock);
  }

  /** Draws alternately on both nodes until both refuse; how many were let through. */
  private static int drawnUntilRefused(PostgresRateLimits a, PostgresRateLimits b, Caller caller) {
    int allowed = 0;
    int refusedInARow = 0;
    for (int i = 0; refusedInARow < 20 && i < 100_000; i++) {
      try {
        (i % 2 == 0 ? a : b).consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH);
        allowed++;
        refusedInARow = 0;
      } catch (ApiException e) {
        assertThat(e.status().value()).isEqualTo(429);
        refusedInARow++;
      }
    }
    return allowed;
  }

  private static Caller caller() {
    return new Caller(OrgId.of(UUID.randomUUID().toString()), "client-" + UUID.randomUUID(), "test", Set.of());
  }

  @Test
  void aLargeLimitIsCountedOnEachNodeAndOvershotByAtMostOnePercentPerNode() {
    int allowed = drawnUntilRefused(node(5_000), node(5_000), caller());

    assertThat(allowed).isBetween(5_000, 5_000 + 2 * 50);
  }

  @Test
  void aSmallLimitIsCountedExactlyAcrossNodes() {
    int allowed = drawnUntilRefused(node(60), node(60), caller());

    assertThat(allowed).isEqualTo(60);
  }

  @Test
  void whatANodeCountedSinceItsLastWriteIsNotYetSeenByAnother() {
    Caller caller = caller();
    PostgresRateLimits a = node(1_000);
    for (int i = 0; i < 5; i++) {
      a.consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH); // the first writes, the other four are counted on a
    }

    int allowedOnB = drawnUntilRefused(node(1_000), node(1_000), caller);
    assertThat(allowedOnB).as("counted exactly, b would be let through 995").isBetween(999, 999 + 2 * 10);
  }

  @Test
  void whatOneNodeCountedLocallyReachesTheOtherWithinTheSyncInterval() {
    PostgresRateLimits a = node(1_000);
    Caller caller = caller();
    for (int i = 0; i < 995; i++) {
      a.consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH);
    }
    clock.advance(PostgresRateLimits.LOCAL_SYNC_INTERVAL.plusMillis(1));
    a.consume(caller, RateLimitedAction.GDPR_SUBJECT_SEARCH); // writes what it counted

    int allowedOnB = drawnUntilRefused(node(1_000), node(1_000), caller);
    assertThat(allowedOnB).as("what is left for a second node").isBetween(1, 4 + 2 * 10);
  }
}

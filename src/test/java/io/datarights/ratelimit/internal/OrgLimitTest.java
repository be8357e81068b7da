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
 * The org's limit holds across all of its clients: clients whose own limits are far larger than
 * the org's are refused, together, once the org's bucket is empty.
 */
class OrgLimitTest extends IntegrationTest {

  @Autowired DataSource dataSource;

  private PostgresRateLimits limits(int perOrg, int perClient) {
    Map<String, RateLimitProperties.Limit> limits =
        Map.of("gdpr-request-create", new RateLimitProperties.Limit(perOrg, perClient, 0, Duration.ofMinutes(1)));
    return new PostgresRateLimits(dataSource, new RateLimitProperties(limits), clock);
  }

  /** Draws in turn for each client until all of them are refused 20 times in a row; how many were let through. */
  private static int drawnUntilRefused(PostgresRateLimits limits, List<Caller> clients, int perOrg) {
    int allowed = 0;
    int refusedInARow = 0;
    for (int i = 0; refusedInARow < 20 && i < 100_000; i++) {
      try {
        limits.consume(clients.get(i % clients.size()), RateLimitedAction.GDPR_REQUEST_CREATE);
        allowed++;
        refusedInARow = 0;
      } catch (ApiException e) {
        assertThat(e.status().value()).isEqualTo(429);
        assertThat(e.headers().getFirst("RateLimit-Policy")).as("the org's limit refuses").isEqualTo(perOrg + ";w=60");
        refusedInARow++;
      }
    }
    return allowed;
  }

  private static List<Caller> twoClientsOfOneOrg() {
    OrgId org = OrgId.of(UUID.randomUUID().toString());
    return List.of(
        new Caller(org, "client-" + UUID.randomUUID(), "first", Set.of()),
        new Caller(org, "client-" + UUID.randomUUID(), "second", Set.of()));
  }

  @Test
  void twoClientsWithLargerLimitsOfTheirOwnAreTogetherLetThroughExactlyTheOrgsLimit() {
    PostgresRateLimits limits = limits(10, 50);

    assertThat(drawnUntilRefused(limits, twoClientsOfOneOrg(), 10)).isEqualTo(10);
  }

  @Test
  void twoClientsWithLargerLimitsOfTheirOwnAreTogetherHeldToALargeOrgLimit() {
    PostgresRateLimits limits = limits(1_000, 5_000);

    // Counted on this node between writes: overshot by at most 1 %.
    assertThat(drawnUntilRefused(limits, twoClientsOfOneOrg(), 1_000)).isBetween(1_000, 1_010);
  }

  @Test
  void anotherOrgIsNotHeldToTheOrgsLimit() {
    PostgresRateLimits limits = limits(10, 50);
    drawnUntilRefused(limits, twoClientsOfOneOrg(), 10);

    assertThat(drawnUntilRefused(limits, twoClientsOfOneOrg(), 10)).isEqualTo(10);
  }
}

package io.datarights.ratelimit.internal;

import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Component
class PostgresRateLimits implements RateLimits {

  private final ProxyManager<String> buckets;
  private final RateLimitProperties properties;

  PostgresRateLimits(DataSource dataSource, RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .clientClock(timeMeter(clock))
            .build();
  }

  private record Drawn(ConsumptionProbe probe, int limit, long periodSeconds) {}

  @Override
  public void consume(Caller caller, RateLimitedAction action) {
    RateLimitProperties.Limit limit = properties.limitFor(action.key());
    Drawn client = draw(action.key() + ":client:" + caller.clientId(), limit.perClient(), limit);
    rejectIfEmpty(client);
    Drawn org = draw(action.key() + ":org:" + caller.orgId(), limit.perOrg(), limit);
    rejectIfEmpty(org);
    Drawn tightest = client.probe().getRemainingTokens() <= org.probe().getRemainingTokens() ? client : org;
    currentResponse(headers(tightest));
  }

  private static void rejectIfEmpty(Drawn drawn) {
    if (drawn.probe().isConsumed()) {
      return;
    }
    long retryAfter = Math.max(1, ceilSeconds(drawn.probe().getNanosToWaitForRefill()));
    HttpHeaders headers = headers(drawn);
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    throw new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        "too.many.requests.retry.after",
        "Rate limit exceeded the maximum. Retry the request in [" + retryAfter + "] seconds",
        Map.of("retryAfterSeconds", Long.toString(retryAfter)),
        List.of(),
        headers);
  }

  private Drawn draw(String key, int capacity, RateLimitProperties.Limit limit) {
    BucketConfiguration configuration =
        BucketConfiguration.builder()
            .addLimit(l -> l.capacity(capacity).refillGreedy(capacity, limit.period()))
            .build();
    ConsumptionProbe probe = buckets.getProxy(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    return new Drawn(probe, capacity, limit.period().toSeconds());
  }

  /** The IETF RateLimit header fields of the bucket closest to empty. */
  private static HttpHeaders headers(Drawn drawn) {
    HttpHeaders headers = new HttpHeaders();
    long reset = ceilSeconds(drawn.probe().getNanosToWaitForReset());
    headers.set("RateLimit-Policy", drawn.limit() + ";w=" + drawn.periodSeconds());
    headers.set("RateLimit", "limit=" + drawn.limit() + ", remaining=" + drawn.probe().getRemainingTokens() + ", reset=" + reset);
    return headers;
  }

  private static void currentResponse(HttpHeaders headers) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletResponse response = attributes.getResponse();
      if (response != null) {
        headers.forEach((name, values) -> response.setHeader(name, values.get(0)));
      }
    }
  }

  private static long ceilSeconds(long nanos) {
    return (nanos + 999_999_999L) / 1_000_000_000L;
  }

  /** Bucket4j reads time from our clock, so that tests can drive refills. */
  private static TimeMeter timeMeter(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}

package io.datarights.ratelimit.internal;

import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.NopeOptimizationListener;
import io.github.bucket4j.distributed.proxy.optimization.delay.DelayOptimization;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
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
  /** Our clock, for the buckets in PostgreSQL and for the local counts alike. */
  private final TimeMeter time;
  /**
   * Buckets of large limits, counted on this node and written to PostgreSQL once 1 % of the limit
   * (or a second) has gone by: a search then costs no database round trip, and all nodes together
   * overshoot such a limit by at most 1 % each. Limits under 100 are counted exactly, in PostgreSQL.
   */
  private final Cache<String, LocalBucket> locallyCounted =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  /**
   * A locally counted bucket and the lock that lets one draw at a time reach it. Without the lock,
   * Bucket4j (8.14) merges the draws that wait for a write into one batch, and a batch that finds
   * the bucket's row still without a state (the row is created empty, and its state written by a
   * later transaction, possibly of another node) fails every draw in it with BucketNotFoundException
   * instead of creating the state, as a single draw does. One draw at a time costs little: between
   * writes a draw is counted in memory.
   */
  private record LocalBucket(Bucket bucket, ReentrantLock lock) {}

  PostgresRateLimits(DataSource dataSource, RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.time = timeMeter(clock);
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit_buckets")
            .idColumn("id")
            .stateColumn("state")
            .clientClock(time)
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

  @Override
  public void consume(Caller caller, RateLimitedAction action, int count) {
    RateLimitProperties.Limit limit = properties.limitFor(action.key());
    String clientKey = action.key() + ":client:" + caller.clientId();
    int fromClient = Math.max(1, Math.min(count, limit.perClient()));
    Drawn client = drawMany(clientKey, limit.perClient(), limit, fromClient);
    rejectIfEmpty(client);
    Drawn org = drawMany(action.key() + ":org:" + caller.orgId(), limit.perOrg(), limit, Math.max(1, Math.min(count, limit.perOrg())));
    if (!org.probe().isConsumed()) {
      // All or nothing: the client's tokens go back.
      onBucket(clientKey, limit.perClient(), limit.period(), bucket -> {
        bucket.addTokens(fromClient);
        return null;
      });
      throw tooMany(org);
    }
    Drawn tightest = client.probe().getRemainingTokens() <= org.probe().getRemainingTokens() ? client : org;
    currentResponse(headers(tightest));
  }

  private Drawn drawMany(String key, int capacity, RateLimitProperties.Limit limit, int tokens) {
    ConsumptionProbe probe = onBucket(key, capacity, limit.period(), bucket -> bucket.tryConsumeAndReturnRemaining(tokens));
    return new Drawn(probe, capacity, limit.period().toSeconds());
  }

  @Override
  public Optional<ApiException> tryConsume(RateLimitedAction action, List<Key> keys) {
    RateLimitProperties.Limit limit = properties.limitFor(action.key());
    List<Key> taken = new ArrayList<>();
    for (Key key : keys) {
      Drawn drawn = draw(bucketId(action, key), capacity(limit, key.scope()), limit);
      if (!drawn.probe().isConsumed()) {
        refund(action, taken);
        return Optional.of(tooMany(drawn));
      }
      taken.add(key);
    }
    return Optional.empty();
  }

  @Override
  public void refund(RateLimitedAction action, List<Key> keys) {
    RateLimitProperties.Limit limit = properties.limitFor(action.key());
    for (Key key : keys) {
      int capacity = capacity(limit, key.scope());
      onBucket(bucketId(action, key), capacity, limit.period(), bucket -> {
        bucket.addTokens(1);
        return null;
      });
    }
  }

  /**
   * True once per period for an id, false until the period has passed: for notices that must not
   * repeat with every refused attempt (an audit entry per throttled client, not per guess).
   */
  boolean once(String id, Duration period) {
    BucketConfiguration configuration =
        BucketConfiguration.builder().addLimit(l -> l.capacity(1).refillIntervally(1, period)).build();
    return buckets.getProxy(id, () -> configuration).tryConsume(1);
  }

  private static int capacity(RateLimitProperties.Limit limit, Scope scope) {
    int capacity = scope == Scope.CLIENT ? limit.perClient() : limit.perAddress();
    if (capacity <= 0) {
      throw new IllegalStateException("No per-" + scope.name().toLowerCase() + " limit is configured for this action");
    }
    return capacity;
  }

  /**
   * The bucket of a key. An id longer than a client id can be is hashed, so that a caller cannot
   * fill the table with long keys; an IPv6 address counts by its /64, which one subscriber holds.
   */
  static String bucketId(RateLimitedAction action, Key key) {
    String value = key.scope() == Scope.ADDRESS ? network(key.value()) : key.value();
    // Long values, and values PostgreSQL text cannot hold (a NUL) or logs would mangle, by their hash.
    if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
      value = "sha256:" + sha256(value);
    }
    return action.key() + ":" + key.scope().name().toLowerCase() + ":" + value;
  }

  private static String network(String address) {
    if (address == null || !address.contains(":")) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name is looked up
      if (bytes.length != 16) {
        return address;
      }
      Arrays.fill(bytes, 8, 16, (byte) 0);
      return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void rejectIfEmpty(Drawn drawn) {
    if (!drawn.probe().isConsumed()) {
      throw tooMany(drawn);
    }
  }

  private static ApiException tooMany(Drawn drawn) {
    long retryAfter = Math.max(1, ceilSeconds(drawn.probe().getNanosToWaitForRefill()));
    HttpHeaders headers = headers(drawn);
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    return new ApiException(
        HttpStatus.TOO_MANY_REQUESTS,
        "too.many.requests.retry.after",
        "Rate limit exceeded the maximum. Retry the request in [" + retryAfter + "] seconds",
        Map.of("retryAfterSeconds", Long.toString(retryAfter)),
        List.of(),
        headers);
  }

  private Drawn draw(String key, int capacity, RateLimitProperties.Limit limit) {
    ConsumptionProbe probe = onBucket(key, capacity, limit.period(), bucket -> bucket.tryConsumeAndReturnRemaining(1));
    return new Drawn(probe, capacity, limit.period().toSeconds());
  }

  static final int LOCAL_SHARE_DIVISOR = 100;
  static final Duration LOCAL_SYNC_INTERVAL = Duration.ofSeconds(1);

  private <T> T onBucket(String key, int capacity, Duration period, Function<Bucket, T> action) {
    BucketConfiguration configuration = configuration(capacity, period);
    long localShare = capacity / LOCAL_SHARE_DIVISOR;
    if (localShare < 1) {
      return action.apply(buckets.getProxy(key, () -> configuration));
    }
    LocalBucket local = locallyCounted.get(key, k -> new LocalBucket(
        buckets.builder()
            // Not Optimizations.delaying, which refills the local count by the system clock.
            .withOptimization(new DelayOptimization(
                new DelayParameters(localShare, LOCAL_SYNC_INTERVAL), NopeOptimizationListener.INSTANCE, time))
            .build(k, () -> configuration),
        new ReentrantLock()));
    local.lock().lock();
    try {
      return action.apply(local.bucket());
    } finally {
      local.lock().unlock();
    }
  }

  private static BucketConfiguration configuration(int capacity, Duration period) {
    return BucketConfiguration.builder().addLimit(l -> l.capacity(capacity).refillGreedy(capacity, period)).build();
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

package io.datarights.ratelimit.internal;

import io.datarights.ratelimit.RateLimitedAction;
import io.datarights.ratelimit.RateLimits.Key;
import io.datarights.ratelimit.RateLimits.Scope;
import io.datarights.security.ClientAuthenticationLimits;
import io.datarights.shared.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Failed client authentications on the keyed buckets: one per client id as given (existing or
 * not, so that the answers do not tell which ids exist) and one per remote address. An attempt
 * takes its token before the secret is checked and gives it back when the secret was right, so
 * that concurrent guesses cannot outrun the limit and successful sign-ins never use it up.
 */
@Component
class ClientAuthenticationBuckets implements ClientAuthenticationLimits {

  private static final RateLimitedAction ACTION = RateLimitedAction.CLIENT_AUTHENTICATION;

  private final PostgresRateLimits limits;
  private final RateLimitProperties properties;

  ClientAuthenticationBuckets(PostgresRateLimits limits, RateLimitProperties properties) {
    this.limits = limits;
    this.properties = properties;
  }

  @Override
  public Optional<ApiException> admit(String clientId, String remoteAddress) {
    return limits.tryConsume(ACTION, keys(clientId, remoteAddress));
  }

  @Override
  public void succeeded(String clientId, String remoteAddress) {
    limits.refund(ACTION, keys(clientId, remoteAddress));
  }

  @Override
  public boolean firstRefusalInPeriod(String clientId) {
    String id = PostgresRateLimits.bucketId(ACTION, new Key(Scope.CLIENT, clientId)) + ":refused";
    return limits.once(id, properties.limitFor(ACTION.key()).period());
  }

  private static List<Key> keys(String clientId, String remoteAddress) {
    return List.of(new Key(Scope.CLIENT, clientId), new Key(Scope.ADDRESS, remoteAddress));
  }
}

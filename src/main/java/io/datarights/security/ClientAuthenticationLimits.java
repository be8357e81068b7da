package io.datarights.security;

import io.datarights.shared.ApiException;
import java.util.Optional;

/**
 * Guards client secrets against guessing, at the token endpoint and the console sign-in alike.
 * Failed attempts are counted per client id and per remote address; while either has failed too
 * often, every attempt is refused before its secret is checked, one with the right secret too, so
 * that a guesser learns nothing. Implemented by the rate limits, whose buckets all nodes share.
 */
public interface ClientAuthenticationLimits {

  /**
   * Admits one attempt, which counts as failed unless {@link #succeeded} follows; or refuses it
   * with the 429 to answer with ({@code Retry-After}, code {@code too.many.requests.retry.after}).
   */
  Optional<ApiException> admit(String clientId, String remoteAddress);

  /** The admitted attempt had the right secret: it does not count against the limits. */
  void succeeded(String clientId, String remoteAddress);

  /**
   * Whether a refusal is the client id's first in the limit's period: the one worth an audit
   * entry, so that a flood of refused guesses does not flood the audit trail too.
   */
  boolean firstRefusalInPeriod(String clientId);
}

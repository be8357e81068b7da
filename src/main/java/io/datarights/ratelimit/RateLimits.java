package io.datarights.ratelimit;

import io.datarights.security.Caller;

/** Draws on the caller's org and client buckets for an action. */
public interface RateLimits {

  /**
   * Takes one token from the org's and the client's bucket for the action and sets the {@code
   * RateLimit} headers of the current response; throws a 429 {@code ApiException} with {@code
   * Retry-After} when either bucket is empty.
   */
  void consume(Caller caller, RateLimitedAction action);
}

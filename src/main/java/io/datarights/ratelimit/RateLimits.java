package io.datarights.ratelimit;

import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import java.util.List;
import java.util.Optional;

/** Draws on the caller's org and client buckets for an action. */
public interface RateLimits {

  /**
   * Takes one token from the org's and the client's bucket for the action and sets the {@code
   * RateLimit} headers of the current response; throws a 429 {@code ApiException} with {@code
   * Retry-After} when either bucket is empty.
   */
  void consume(Caller caller, RateLimitedAction action);

  /**
   * Takes {@code count} tokens at once (one call that does the work of several, such as a request
   * that fans out over a merge set), or none at all: a 429 when either bucket has fewer left. A
   * count larger than a bucket could ever hold takes the whole bucket, so that it waits for a
   * full bucket instead of being refused for good.
   */
  void consume(Caller caller, RateLimitedAction action, int count);

  /**
   * The keyed variant, for callers that are not authenticated yet: takes one token from the
   * action's bucket of each key, or none at all when one of them is empty; then the 429 to answer
   * with (code {@code too.many.requests.retry.after}, {@code Retry-After} and {@code RateLimit}
   * headers) is returned, for the caller to throw or to show.
   */
  Optional<ApiException> tryConsume(RateLimitedAction action, List<Key> keys);

  /** Gives back the tokens of a {@link #tryConsume} whose attempt turned out not to count. */
  void refund(RateLimitedAction action, List<Key> keys);

  /** Whose bucket: a client id as given, or a remote address. */
  enum Scope {
    /** Limited by the action's {@code per-client} setting. */
    CLIENT,
    /** Limited by the action's {@code per-address} setting. */
    ADDRESS
  }

  record Key(Scope scope, String value) {}
}

package io.datarights.privacy;

import java.util.List;

/**
 * What a service did for one request: counts per effect and, for retained records, why (e.g. the
 * legal basis that keeps an active employee's record).
 */
public record ServiceOutcome(
    long matched,
    long exported,
    long updated,
    long deleted,
    long anonymized,
    long retained,
    List<String> reasons) {

  public ServiceOutcome {
    reasons = List.copyOf(reasons);
  }

  public static ServiceOutcome nothingFound() {
    return new ServiceOutcome(0, 0, 0, 0, 0, 0, List.of());
  }

  public static ServiceOutcome exported(long matched, long exported) {
    return new ServiceOutcome(matched, exported, 0, 0, 0, 0, List.of());
  }

  public static ServiceOutcome updated(long matched, long updated) {
    return new ServiceOutcome(matched, 0, updated, 0, 0, 0, List.of());
  }

  public static ServiceOutcome erased(long matched, long deleted, long anonymized) {
    return new ServiceOutcome(matched, 0, 0, deleted, anonymized, 0, List.of());
  }

  public ServiceOutcome withRetained(long count, String reason) {
    var all = new java.util.ArrayList<>(reasons);
    all.add(reason);
    return new ServiceOutcome(matched, exported, updated, deleted, anonymized, retained + count, all);
  }
}

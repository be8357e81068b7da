package io.datarights.recipients.internal;

import io.datarights.shared.OrgId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many deliveries of each org this node is making right now, bounded per org: an org whose
 * recipients hang holds at most that many delivery threads, the others stay free for other orgs.
 */
final class DeliveriesInFlight {

  private final int maxPerOrg;
  private final ConcurrentHashMap<OrgId, Integer> running = new ConcurrentHashMap<>();

  DeliveriesInFlight(int maxPerOrg) {
    this.maxPerOrg = maxPerOrg;
  }

  /** Takes a slot of the org; false if all of its slots are taken. */
  boolean tryAcquire(OrgId org) {
    AtomicBoolean acquired = new AtomicBoolean();
    running.compute(org, (key, count) -> {
      int current = count == null ? 0 : count;
      if (current >= maxPerOrg) {
        return count;
      }
      acquired.set(true);
      return current + 1;
    });
    return acquired.get();
  }

  void release(OrgId org) {
    running.computeIfPresent(org, (key, count) -> count <= 1 ? null : count - 1);
  }
}

package io.datarights.shared;

import java.util.List;

/**
 * Several entries for the audit trail, appended in this order in one go (one lock, one insert):
 * for an action that does the same to many targets at once, such as the requests a merge set
 * fans out into. Each event is an entry of its own, as if published one by one.
 */
public record AuditableEvents(OrgId org, List<AuditableEvent> events) {

  public AuditableEvents {
    events = List.copyOf(events);
    if (events.stream().anyMatch(e -> !e.org().equals(org))) {
      throw new IllegalArgumentException("Audit events of one batch belong to one org");
    }
  }
}

package io.datarights.shared;

import java.util.Map;

/**
 * Something the audit trail must record, published as a Spring event by the feature where it
 * happens and appended in the same transaction. {@code details} must hold ids, counts and
 * pseudonyms only, never raw personal data.
 */
public record AuditableEvent(
    OrgId org, String action, String actor, String targetType, String targetId, Map<String, String> details) {

  public AuditableEvent {
    details = Map.copyOf(details);
  }

  public static AuditableEvent of(OrgId org, String action, String actor, String targetType, String targetId) {
    return new AuditableEvent(org, action, actor, targetType, targetId, Map.of());
  }
}

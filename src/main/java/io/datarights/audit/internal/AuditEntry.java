package io.datarights.audit.internal;

import java.time.Instant;
import java.util.Map;

record AuditEntry(
    long seq, Instant occurredAt, String action, String actor, String targetType, String targetId,
    Map<String, String> details, String prevHash, int hashVersion, String hash) {

  AuditEntry withHash(String hash) {
    return new AuditEntry(seq, occurredAt, action, actor, targetType, targetId, details, prevHash, hashVersion, hash);
  }
}

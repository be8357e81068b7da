package io.datarights.holds.internal;

import io.datarights.privacy.SubjectRef;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code legal_holds}. {@code expires} is inclusive: the hold holds through that day (UTC). */
record StoredHold(
    OrgId org,
    UUID id,
    SubjectRef subject,
    String reason,
    LocalDate expires,
    String createdBy,
    Instant createdAt,
    String releasedBy,
    Instant releasedAt) {

  boolean activeOn(LocalDate today) {
    return releasedAt == null && (expires == null || !expires.isBefore(today));
  }
}

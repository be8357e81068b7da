package io.datarights.contacts.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact as stored. {@code canonicalId} is null for a contact in no merge set; otherwise the
 * set's canonical contact (the canonical points at itself).
 */
record StoredContact(UUID id, ContactFields fields, UUID canonicalId, Instant createdAt, Instant modifiedAt) {

  boolean inMergeSet() {
    return canonicalId != null;
  }

  boolean isCanonical() {
    return id.equals(canonicalId);
  }

  /** The canonical contact of its set; a contact in no set stands for itself. */
  UUID canonicalOrSelf() {
    return canonicalId != null ? canonicalId : id;
  }
}

package io.datarights.recipients.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code recipients}; the secret stays sealed until a notification is signed. */
record StoredRecipient(
    OrgId org,
    UUID id,
    String name,
    String url,
    byte[] secretEncrypted,
    List<RecipientEvent> events,
    boolean active,
    String createdBy,
    Instant createdAt) {

  /** What the sealed secret is bound to: it decrypts only for this recipient. */
  String secretBinding() {
    return boundTo(org, id);
  }

  static String boundTo(OrgId org, UUID id) {
    return "recipient/" + org + "/" + id;
  }
}

package io.datarights.journey.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Rows of the journey tables. */
final class Records {

  private Records() {}

  /** A customer's tracking consent: granted while {@code tracking}, with when it was last granted or withdrawn. */
  record StoredConsent(CustomerKey customer, boolean tracking, Instant consentedAt, Instant withdrawnAt, Instant updatedAt) {}

  record StoredSession(
      OrgId orgId, UUID id, CustomerKey customer, Instant createdAt, Instant lastEventAt, int eventCount) {}

  record StoredEvent(
      OrgId orgId,
      UUID id,
      UUID sessionId,
      CustomerKey customer,
      String eventType,
      String pageUrl,
      String pageTitle,
      Map<String, String> traits,
      Instant createdAt,
      Instant receivedAt) {

    StoredEvent {
      traits = Map.copyOf(traits);
    }

    StoredEvent withTraits(Map<String, String> changed) {
      return new StoredEvent(orgId, id, sessionId, customer, eventType, pageUrl, pageTitle, changed, createdAt, receivedAt);
    }
  }
}

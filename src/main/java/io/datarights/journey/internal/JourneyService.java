package io.datarights.journey.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.journey.internal.Records.StoredConsent;
import io.datarights.journey.internal.Records.StoredEvent;
import io.datarights.journey.internal.Records.StoredSession;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consent, events and deletion of journey customers; events and their identifiers are written together. */
@Service
class JourneyService {

  /** The service name in the identifier index and in GDPR outcomes. */
  static final String SERVICE = "journey";

  private final JourneyRepository journeys;
  private final IdentifierIndex index;
  private final Clock clock;

  JourneyService(JourneyRepository journeys, IdentifierIndex index, Clock clock) {
    this.journeys = journeys;
    this.index = index;
    this.clock = clock;
  }

  @Transactional
  public StoredConsent recordConsent(OrgId org, CustomerKey customer, boolean tracking) {
    return journeys.saveConsent(org, customer, tracking, clock.instant());
  }

  /**
   * Adds an event to the given session (created if new) or to a new one. Refused, with nothing
   * written, unless the customer's tracking consent is recorded.
   */
  @Transactional
  public StoredEvent addEvent(OrgId org, EventBody body) {
    Instant now = clock.instant();
    EventBody.Valid event = body.validate(now);
    if (!journeys.trackingConsented(org, event.customer())) {
      throw ApiException.invalidValue(
          "customerId",
          "No tracking consent is recorded for this customer (or it was withdrawn); the event was not stored."
              + " Record consent with PUT /api/v2/journey/customers/cookie/{customerId}/consent first.");
    }
    UUID sessionId = event.sessionId() != null ? event.sessionId() : UUID.randomUUID();
    StoredSession session = journeys.lockOrCreateSession(org, sessionId, event.customer(), event.createdDate());
    if (!session.customer().equals(event.customer())) {
      throw ApiException.invalidValue("sessionId", "sessionId names a session of another customer.");
    }
    StoredEvent stored =
        new StoredEvent(
            org, UUID.randomUUID(), sessionId, event.customer(), event.eventType(), event.pageUrl(), event.pageTitle(),
            event.traits(), event.createdDate(), now);
    journeys.insertEvent(stored);
    journeys.countEvent(org, sessionId, event.createdDate());
    Set<Identifier> identifiers = TraitIdentifiers.of(event.traits(), index.regionOf(org));
    if (!identifiers.isEmpty()) {
      // Added, not replaced: the customer's earlier events keep their identifiers.
      index.addAll(org, SERVICE, List.of(new IdentifierIndex.RecordIdentifiers(event.customer().id(), identifiers)));
    }
    return stored;
  }

  /** Deletes all of a customer's data; how many rows there were. */
  @Transactional
  public long deleteCustomer(OrgId org, CustomerKey customer) {
    long deleted = journeys.deleteCustomer(org, customer);
    index.remove(org, SERVICE, customer.id());
    return deleted;
  }
}

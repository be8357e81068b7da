package io.datarights.journey.internal;

import io.datarights.journey.internal.Records.StoredConsent;
import io.datarights.journey.internal.Records.StoredEvent;
import io.datarights.journey.internal.Records.StoredSession;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/journey}: tracking consent, web events and sessions of journey customers. */
@RestController
@RequestMapping(JourneyController.PATH)
class JourneyController {

  static final String PATH = "/api/v2/journey";

  private final JourneyService service;
  private final JourneyRepository journeys;

  JourneyController(JourneyService service, JourneyRepository journeys) {
    this.service = service;
    this.journeys = journeys;
  }

  record ConsentBody(Boolean tracking) {}

  record ConsentView(
      String customerId, String customerIdType, boolean tracking, Instant consentedDate, Instant withdrawnDate,
      Instant modifiedDate, String selfUri) {
    static ConsentView of(StoredConsent c) {
      return new ConsentView(
          c.customer().id(), c.customer().type(), c.tracking(), c.consentedAt(), c.withdrawnAt(), c.updatedAt(),
          customerPath(c.customer()) + "/consent");
    }
  }

  record SessionView(
      String id, String customerId, String customerIdType, Instant createdDate, Instant lastEventDate, int eventCount,
      String selfUri) {
    static SessionView of(StoredSession s) {
      return new SessionView(
          s.id().toString(), s.customer().id(), s.customer().type(), s.createdAt(), s.lastEventAt(), s.eventCount(),
          PATH + "/sessions/" + s.id());
    }
  }

  record PageView(String url, String title) {}

  record EventView(
      String id, String sessionId, String customerId, String customerIdType, String eventType, PageView page,
      Map<String, String> traits, Instant createdDate, Instant receivedDate) {
    static EventView of(StoredEvent e) {
      PageView page = e.pageUrl() == null && e.pageTitle() == null ? null : new PageView(e.pageUrl(), e.pageTitle());
      return new EventView(
          e.id().toString(), e.sessionId().toString(), e.customer().id(), e.customer().type(), e.eventType(), page,
          e.traits(), e.createdAt(), e.receivedAt());
    }
  }

  static String customerPath(CustomerKey customer) {
    return PATH + "/customers/" + customer.type() + "/" + customer.id();
  }

  @PutMapping("/customers/{customerIdType}/{customerId}/consent")
  @RequiresPermission("journey:event:add")
  ConsentView recordConsent(
      Caller caller, @PathVariable String customerIdType, @PathVariable String customerId, @RequestBody ConsentBody body) {
    CustomerKey customer = CustomerKey.parse(customerIdType, customerId);
    if (body.tracking() == null) {
      throw ApiException.invalidValue("tracking", "tracking is required: true records consent, false withdraws it.");
    }
    return ConsentView.of(service.recordConsent(caller.orgId(), customer, body.tracking()));
  }

  @GetMapping("/customers/{customerIdType}/{customerId}/consent")
  @RequiresPermission("journey:event:view")
  ConsentView consent(Caller caller, @PathVariable String customerIdType, @PathVariable String customerId) {
    return journeys
        .findConsent(caller.orgId(), customer(customerIdType, customerId))
        .map(ConsentView::of)
        .orElseThrow(() -> ApiException.notFound("consent"));
  }

  @PostMapping("/events")
  @RequiresPermission("journey:event:add")
  ResponseEntity<EventView> addEvent(Caller caller, @RequestBody EventBody body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(EventView.of(service.addEvent(caller.orgId(), body)));
  }

  /** The customer's sessions, newest first; a customer without any has an empty listing. */
  @GetMapping("/customers/{customerIdType}/{customerId}/sessions")
  @RequiresPermission("journey:event:view")
  Listing<SessionView> sessions(
      Caller caller,
      @PathVariable String customerIdType,
      @PathVariable String customerId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    CustomerKey customer = customer(customerIdType, customerId);
    List<SessionView> entities = journeys.sessions(caller.orgId(), customer, page).stream().map(SessionView::of).toList();
    return Listing.of(entities, page, journeys.countSessions(caller.orgId(), customer), customerPath(customer) + "/sessions");
  }

  @GetMapping("/sessions/{sessionId}")
  @RequiresPermission("journey:event:view")
  SessionView session(Caller caller, @PathVariable String sessionId) {
    return SessionView.of(findSession(caller, sessionId));
  }

  /** A session's events in the order they happened. */
  @GetMapping("/sessions/{sessionId}/events")
  @RequiresPermission("journey:event:view")
  Listing<EventView> events(
      Caller caller,
      @PathVariable String sessionId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    StoredSession session = findSession(caller, sessionId);
    List<EventView> entities = journeys.events(caller.orgId(), session.id(), page).stream().map(EventView::of).toList();
    return Listing.of(entities, page, session.eventCount(), PATH + "/sessions/" + session.id() + "/events");
  }

  /** Deletes everything held about the customer: sessions, events and the consent record. */
  @DeleteMapping("/customers/{customerIdType}/{customerId}")
  @RequiresPermission("journey:event:delete")
  ResponseEntity<Void> deleteCustomer(Caller caller, @PathVariable String customerIdType, @PathVariable String customerId) {
    if (service.deleteCustomer(caller.orgId(), customer(customerIdType, customerId)) == 0) {
      throw ApiException.notFound("journey customer");
    }
    return ResponseEntity.noContent().build();
  }

  private StoredSession findSession(Caller caller, String sessionId) {
    UUID id = Ids.existingOrNotFound(sessionId, "session");
    return journeys.findSession(caller.orgId(), id).orElseThrow(() -> ApiException.notFound("session"));
  }

  private static CustomerKey customer(String type, String id) {
    return CustomerKey.lookup(type, id).orElseThrow(() -> ApiException.notFound("journey customer"));
  }
}

package io.datarights.journey.internal;

import io.datarights.identifiers.Emails;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.identifiers.Normalization;
import io.datarights.identifiers.PhoneNumbers;
import io.datarights.journey.internal.Records.StoredEvent;
import io.datarights.journey.internal.Records.StoredSession;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journey's part in GDPR requests. A subject is a journey customer (a cookie id), found by the
 * e-mail, phone and name traits of their events or by the id itself. Erasure deletes everything,
 * the consent record included: without it, later events of the same cookie are refused anyway.
 */
@Component
class JourneyPersonalData implements PersonalDataService {

  private static final int BATCH = 500;
  // PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first.
  private static final UUID FIRST = new UUID(0, 0);

  private final JourneyRepository journeys;
  private final IdentifierIndex index;

  JourneyPersonalData(JourneyRepository journeys, IdentifierIndex index) {
    this.journeys = journeys;
    this.index = index;
  }

  @Override
  public String name() {
    return JourneyService.SERVICE;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(
        name(),
        "Web-visitor journeys: sessions and events of visitors of the organization's websites, keyed by a cookie id.",
        List.of(
            new InventoryEntry.Field("customerId", "online identifier (cookie id)", true),
            new InventoryEntry.Field("consent", "tracking consent given or withdrawn, with timestamps", false),
            new InventoryEntry.Field("sessions", "browsing sessions: start and last activity, event counts", false),
            new InventoryEntry.Field("page.url, page.title", "browsing behaviour (pages visited)", false),
            new InventoryEntry.Field("traits (e-mail, phone, name)", "contact and identification data entered by the visitor", true),
            new InventoryEntry.Field("traits (others)", "data entered by the visitor in web forms", false)),
        List.of("visitors of the organization's websites who consented to tracking"),
        List.of(
            "understanding the visitor's journey across the website",
            "offering the visitor timely help (proactive chat) and continuity when they contact the contact centre"),
        "consent, GDPR Art. 6(1)(a) (and ePrivacy Art. 5(3) for the cookie); no event is stored without a recorded consent",
        List.of("agents and supervisors of the organization", "the platform operator as processor"),
        "Until the visitor's data is erased (GDPR request or DELETE of the customer); no automatic expiry yet."
            + " Withdrawing consent stops tracking at once but keeps what was collected until erasure.",
        "Collected from the visitor's browser by the organization's tracking snippet",
        ErasureMode.DELETE);
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    return findSubjects(org, index.lookup(org, identifier.kind(), identifier.value(), name()));
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds) {
    Set<String> ids = new TreeSet<>(indexedRecordIds);
    List<SubjectMatch> matches = new ArrayList<>();
    for (String id : ids) {
      CustomerKey.lookup(CustomerKey.COOKIE, id).ifPresent(customer -> matches.add(match(org, customer)));
    }
    return matches;
  }

  @Override
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    return customerOf(ref).filter(c -> journeys.countRecords(org, c) > 0).map(c -> match(org, c));
  }

  @Override
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    long exported = 0;
    for (CustomerKey customer : matching(org, terms)) {
      Optional<Records.StoredConsent> consent = journeys.findConsent(org, customer);
      if (consent.isPresent()) {
        sink.record("consent", customer.id(), consentFields(consent.get()));
        exported++;
      }
      PageParams page = PageParams.of(PageParams.MAX_SIZE, 1);
      List<StoredSession> sessions;
      do {
        sessions = journeys.sessions(org, customer, page);
        for (StoredSession session : sessions) {
          sink.record("session", session.id().toString(), sessionFields(session));
          exported++;
        }
        page = PageParams.of(page.pageSize(), page.pageNumber() + 1);
      } while (sessions.size() == page.pageSize());
      UUID after = FIRST;
      List<StoredEvent> events;
      do {
        events = journeys.customerEventsAfter(org, customer, after, BATCH);
        for (StoredEvent event : events) {
          sink.record("event", event.id().toString(), eventFields(event));
          exported++;
          after = event.id();
        }
      } while (events.size() == BATCH);
    }
    return ServiceOutcome.exported(exported, exported);
  }

  @Override
  @Transactional
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    String region = index.regionOf(org);
    Set<String> reasons = new TreeSet<>();
    long matched = 0;
    long updated = 0;
    for (CustomerKey customer : matching(org, terms)) {
      matched += journeys.countRecords(org, customer);
      UUID after = FIRST;
      List<StoredEvent> events;
      do {
        events = journeys.customerEventsAfter(org, customer, after, BATCH);
        for (StoredEvent event : events) {
          Map<String, String> traits = new LinkedHashMap<>(event.traits());
          for (ReplacementTerm term : replacements) {
            replace(traits, term, region, reasons);
          }
          if (!traits.equals(event.traits())) {
            journeys.updateTraits(event.withTraits(traits));
            updated++;
          }
          after = event.id();
        }
      } while (events.size() == BATCH);
      index.replace(org, name(), customer.id(), TraitIdentifiers.ofAll(journeys.customerTraits(org, customer), region));
    }
    return new ServiceOutcome(matched, 0, updated, 0, 0, 0, List.copyOf(reasons));
  }

  /** Deletes every matching customer's rows in a few statements, however many the terms find. */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    Set<CustomerKey> customers = matching(org, terms);
    long deleted = journeys.deleteCustomers(org, customers);
    index.removeAll(org, name(), customers.stream().map(CustomerKey::id).toList());
    return ServiceOutcome.erased(deleted, deleted, 0);
  }

  @Override
  public long remaining(OrgId org, SubjectTerms terms) {
    return journeys.countRecords(org, matching(org, terms)).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Keeps held customers' records, however the request found them, and names the hold as the reason. */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    Set<CustomerKey> erasable = new java.util.LinkedHashSet<>();
    Map<CustomerKey, String> held = new LinkedHashMap<>();
    for (CustomerKey customer : matching(org, terms)) {
      exemptions.reasonFor(SubjectRef.journeyCustomer(customer.type(), customer.id()))
          .ifPresentOrElse(reason -> held.put(customer, reason), () -> erasable.add(customer));
    }
    Map<CustomerKey, Long> kept = journeys.countRecords(org, held.keySet());
    long retained = 0;
    Set<String> reasons = new java.util.LinkedHashSet<>();
    for (Map.Entry<CustomerKey, String> hold : held.entrySet()) {
      long records = kept.getOrDefault(hold.getKey(), 0L);
      if (records > 0) {
        retained += records;
        reasons.add(hold.getValue());
      }
    }
    long deleted = journeys.deleteCustomers(org, erasable);
    index.removeAll(org, name(), erasable.stream().map(CustomerKey::id).toList());
    return new ServiceOutcome(deleted + retained, 0, 0, deleted, 0, retained, List.copyOf(reasons));
  }

  @Override
  public long remaining(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    List<CustomerKey> customers = matching(org, terms).stream()
        .filter(c -> !exemptions.exempts(SubjectRef.journeyCustomer(c.type(), c.id())))
        .toList();
    return journeys.countRecords(org, customers).values().stream().mapToLong(Long::longValue).sum();
  }

  /** The customers the terms name: through their traits' identifiers, or by their id. */
  private Set<CustomerKey> matching(OrgId org, SubjectTerms terms) {
    Set<String> ids = index.lookupAny(org, terms.identifiers(), name());
    Set<CustomerKey> result = new java.util.LinkedHashSet<>();
    for (String id : ids) {
      CustomerKey.lookup(CustomerKey.COOKIE, id).ifPresent(result::add);
    }
    for (SubjectRef ref : terms.refs()) {
      customerOf(ref).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<CustomerKey> customerOf(SubjectRef ref) {
    if (ref.type() != SubjectType.JOURNEY_CUSTOMER) {
      return Optional.empty();
    }
    return CustomerKey.lookup(ref.scope() == null ? CustomerKey.COOKIE : ref.scope(), ref.id());
  }

  private SubjectMatch match(OrgId org, CustomerKey customer) {
    List<Map<String, String>> traits = journeys.customerTraits(org, customer);
    String name = traits.stream().map(TraitIdentifiers::nameOf).filter(n -> n != null).findFirst().orElse(null);
    return new SubjectMatch(
        SubjectRef.journeyCustomer(customer.type(), customer.id()),
        name,
        List.copyOf(TraitIdentifiers.ofAll(traits, index.regionOf(org))));
  }

  /**
   * Replaces the value of every trait that holds the existing value as an identifier of the term's
   * kind. Reasons name the kind only, never a value, as they end up in request outcomes.
   */
  private static void replace(Map<String, String> traits, ReplacementTerm term, String region, Set<String> reasons) {
    IdentifierKind kind = term.type();
    if (kind != IdentifierKind.EMAIL && kind != IdentifierKind.PHONE && kind != IdentifierKind.NAME) {
      return;
    }
    Optional<String> existing = Normalization.normalize(kind, term.existingValue(), region);
    if (existing.isEmpty()) {
      return;
    }
    String updated = term.updatedValue() == null ? "" : term.updatedValue().strip();
    for (var trait : traits.entrySet()) {
      if (TraitIdentifiers.kindOf(trait.getKey(), trait.getValue(), region).orElse(null) != kind
          || !existing.equals(Normalization.normalize(kind, trait.getValue(), region))) {
        continue;
      }
      boolean usable =
          switch (kind) {
            case EMAIL -> Emails.isValid(updated);
            case PHONE -> PhoneNumbers.parse(updated, region).isPresent();
            default -> !updated.isEmpty() && updated.length() <= EventBody.MAX_VALUE;
          };
      if (usable) {
        trait.setValue(updated);
      } else {
        reasons.add("A " + kind + " replacement was skipped: the updated value is not a usable " + kind.name().toLowerCase() + ".");
      }
    }
  }

  private static Map<String, Object> consentFields(Records.StoredConsent c) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("customerId", c.customer().id());
    fields.put("customerIdType", c.customer().type());
    fields.put("tracking", c.tracking());
    if (c.consentedAt() != null) {
      fields.put("consentedDate", c.consentedAt().toString());
    }
    if (c.withdrawnAt() != null) {
      fields.put("withdrawnDate", c.withdrawnAt().toString());
    }
    return fields;
  }

  private static Map<String, Object> sessionFields(StoredSession s) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", s.id().toString());
    fields.put("customerId", s.customer().id());
    fields.put("customerIdType", s.customer().type());
    fields.put("createdDate", s.createdAt().toString());
    fields.put("lastEventDate", s.lastEventAt().toString());
    fields.put("eventCount", s.eventCount());
    return fields;
  }

  private static Map<String, Object> eventFields(StoredEvent e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", e.id().toString());
    fields.put("sessionId", e.sessionId().toString());
    fields.put("customerId", e.customer().id());
    fields.put("eventType", e.eventType());
    if (e.pageUrl() != null) {
      fields.put("pageUrl", e.pageUrl());
    }
    if (e.pageTitle() != null) {
      fields.put("pageTitle", e.pageTitle());
    }
    fields.put("traits", new TreeMap<>(e.traits()));
    fields.put("createdDate", e.createdAt().toString());
    return fields;
  }
}

package io.datarights.outbound.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.InventoryEntry.Field;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.privacy.SubjectType;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dialer contacts in GDPR processing. A contact matches a request when one of the request's phone
 * numbers, e-mail addresses or names finds it in the index, or when the request names it as a
 * {@code dialerContactId} (with its contact list). Erasure deletes the row.
 */
@Component
class OutboundPersonalData implements PersonalDataService {

  /** The kinds of identifier this service indexes; others never find a dialer contact. */
  private static final Set<IdentifierKind> INDEXED = Set.of(IdentifierKind.PHONE, IdentifierKind.EMAIL, IdentifierKind.NAME);

  private final ContactListRepository lists;
  private final DialerContactRepository contacts;
  private final DialerContactService service;
  private final IdentifierIndex index;

  OutboundPersonalData(
      ContactListRepository lists, DialerContactRepository contacts, DialerContactService service, IdentifierIndex index) {
    this.lists = lists;
    this.contacts = contacts;
    this.service = service;
    this.index = index;
  }

  @Override
  public String name() {
    return DialerContactService.SERVICE;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(
        name(),
        "Contact lists of the outbound dialer: one row per person to call, with columns the organization"
            + " defines (some typed as phone numbers or e-mail addresses).",
        List.of(
            new Field("data (phone columns)", "contact data", true),
            new Field("data (e-mail columns)", "contact data", true),
            new Field("data (name, fullName, firstName + lastName columns)", "identification data", true),
            new Field("data (other columns)", "free-form data defined by the organization, may hold any category", false),
            new Field("callable", "campaign state", false)),
        List.of("customers", "prospects", "people the organization plans to call"),
        List.of("outbound calling campaigns (sales, service, collections, notifications)"),
        "Art. 6(1)(b) GDPR (contract) or Art. 6(1)(f) GDPR (legitimate interest in direct marketing, subject to"
            + " the right to object, Art. 21), or consent (Art. 6(1)(a)), as the organization documents per campaign",
        List.of("agents and supervisors of the organization", "the dialing platform and its telephony carriers"),
        "Until the contact or its list is deleted by the organization or erased on the data subject's request.",
        "Imported by the organization (CSV files, CRM exports) or added through the API.",
        ErasureMode.DELETE);
  }

  @Override
  @Transactional(readOnly = true)
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    if (!INDEXED.contains(identifier.kind())) {
      return List.of();
    }
    return findSubjects(org, index.lookup(org, identifier.kind(), identifier.value(), name()));
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds) {
    Set<UUID> ids = new LinkedHashSet<>();
    indexedRecordIds.forEach(id -> Ids.parse(id).ifPresent(ids::add));
    return withLists(org, contacts.findAll(org, ids)).stream().map(OutboundPersonalData::match).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    if (ref.type() != SubjectType.DIALER_CONTACT) {
      return Optional.empty();
    }
    return matching(org, SubjectTerms.of(ref)).stream().findFirst().map(OutboundPersonalData::match);
  }

  @Override
  @Transactional(readOnly = true)
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    List<Found> found = matching(org, terms);
    for (Found f : found) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("contactListId", f.list().id().toString());
      fields.put("contactListName", f.list().name());
      fields.put("columnNames", f.list().columnNames());
      fields.put("phoneColumns", typed(f.list().phoneColumns()));
      fields.put("emailColumns", typed(f.list().emailColumns()));
      fields.put("data", f.list().ordered(f.contact().data()));
      fields.put("callable", f.contact().callable());
      sink.record("dialerContact", f.contact().id().toString(), fields);
    }
    return ServiceOutcome.exported(found.size(), found.size());
  }

  @Override
  @Transactional
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    Rectification rectification = new Rectification(index.regionOf(org));
    rectification.validate(replacements);
    List<Found> found = matching(org, terms);
    long updated = 0;
    for (Found f : found) {
      Map<String, String> data = f.contact().data();
      Map<String, String> rectified = rectification.apply(f.list().roles(), data, replacements);
      if (!rectified.equals(data)) {
        StoredContact contact = f.contact();
        service.rewrite(org, f.list(), new StoredContact(contact.id(), contact.listId(), rectified, contact.callable(), contact.position()));
        updated++;
      }
    }
    return ServiceOutcome.updated(found.size(), updated);
  }

  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    List<UUID> ids = matching(org, terms).stream().map(f -> f.contact().id()).toList();
    long deleted = service.deleteAll(org, ids);
    return ServiceOutcome.erased(ids.size(), deleted, 0);
  }

  @Override
  @Transactional(readOnly = true)
  public long remaining(OrgId org, SubjectTerms terms) {
    return matching(org, terms).size();
  }

  /** Keeps held dialer contacts, however the request found them, and names the hold as the reason. */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    List<Found> found = matching(org, terms);
    List<UUID> erasable = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>();
    for (Found f : found) {
      exemptions.reasonFor(refOf(f.contact())).ifPresentOrElse(reasons::add, () -> erasable.add(f.contact().id()));
    }
    long deleted = service.deleteAll(org, erasable);
    return new ServiceOutcome(found.size(), 0, 0, deleted, 0, found.size() - erasable.size(), List.copyOf(reasons));
  }

  @Override
  @Transactional(readOnly = true)
  public long remaining(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    return matching(org, terms).stream().filter(f -> !exemptions.exempts(refOf(f.contact()))).count();
  }

  private static SubjectRef refOf(StoredContact contact) {
    return SubjectRef.dialerContact(contact.listId().toString(), contact.id().toString());
  }

  /** A contact with its list. */
  private record Found(ContactList list, StoredContact contact) {}

  /**
   * The contacts found by the terms' identifiers or named by their refs. A ref's scope, when given,
   * is the contact list it must belong to.
   */
  private List<Found> matching(OrgId org, SubjectTerms terms) {
    Set<UUID> ids = new LinkedHashSet<>();
    List<Identifier> indexed = terms.identifiers().stream().filter(i -> INDEXED.contains(i.kind())).toList();
    index.lookupAny(org, indexed, name()).forEach(id -> Ids.parse(id).ifPresent(ids::add));
    Set<UUID> byIdentifier = Set.copyOf(ids);
    Map<UUID, Set<String>> refScopes = new HashMap<>();
    for (SubjectRef ref : terms.refs()) {
      if (ref.type() == SubjectType.DIALER_CONTACT) {
        Ids.parse(ref.id()).ifPresent(id -> {
          ids.add(id);
          refScopes.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(ref.scope());
        });
      }
    }
    List<StoredContact> loaded = contacts.findAll(org, ids).stream()
        .filter(c -> byIdentifier.contains(c.id()) || inScope(c, refScopes.get(c.id())))
        .toList();
    return withLists(org, loaded);
  }

  private static boolean inScope(StoredContact contact, Set<String> scopes) {
    return scopes != null && (scopes.contains(null) || scopes.contains(contact.listId().toString()));
  }

  private List<Found> withLists(OrgId org, List<StoredContact> found) {
    Set<UUID> listIds = found.stream().map(StoredContact::listId).collect(Collectors.toSet());
    Map<UUID, ContactList> byId =
        lists.findAll(org, listIds).stream().collect(Collectors.toMap(ContactList::id, Function.identity()));
    List<Found> result = new ArrayList<>(found.size());
    for (StoredContact contact : found) {
      result.add(new Found(byId.get(contact.listId()), contact));
    }
    return result;
  }

  private static SubjectMatch match(Found found) {
    ColumnRoles roles = found.list().roles();
    Map<String, String> data = found.list().ordered(found.contact().data());
    return new SubjectMatch(
        SubjectRef.dialerContact(found.list().id().toString(), found.contact().id().toString()),
        roles.name(data),
        roles.identifiers(data));
  }

  private static List<Map<String, Object>> typed(List<TypedColumn> columns) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (TypedColumn column : columns) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("columnName", column.columnName());
      if (column.type() != null) {
        entry.put("type", column.type());
      }
      result.add(entry);
    }
    return result;
  }
}

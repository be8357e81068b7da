package io.datarights.contacts.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * External contacts in GDPR processing. A contact matches a request when one of the request's
 * identifiers finds it in the index, or when the request names its id. Merge sets are not
 * widened here: the GDPR engine makes one request per member (see {@code mergeSetOf}).
 */
@Component
class ExternalContactsPersonalData implements PersonalDataService {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ContactService service;
  private final ContactRepository contacts;
  private final IdentifierIndex index;
  private final ObjectMapper json;

  ExternalContactsPersonalData(
      ContactService service, ContactRepository contacts, IdentifierIndex index, ObjectMapper json) {
    this.service = service;
    this.contacts = contacts;
    this.index = index;
    this.json = json;
  }

  @Override
  public String name() {
    return ContactService.SERVICE;
  }

  @Override
  public InventoryEntry inventory() {
    return new InventoryEntry(
        name(),
        "The organization's external contacts (customers and prospects) as agents see them, merged into"
            + " single customer views.",
        List.of(
            new Field("firstName, middleName, lastName", "identification data", true),
            new Field("title", "professional data", false),
            new Field("workPhone, cellPhone, homePhone, otherPhone", "contact data", true),
            new Field("workEmail, personalEmail, otherEmail", "contact data", true),
            new Field("address", "contact data", true),
            new Field("twitterId, facebookId, instagramId", "online identifiers", true),
            new Field("whatsAppId", "online identifiers", true),
            new Field("appleMessagesId", "online identifiers", true),
            new Field("externalIds", "identifiers in other systems", true),
            new Field("customFields (keys)", "free-form data, may hold any category", false),
            new Field("customFields (values that are e-mail addresses)", "contact data", true),
            new Field("canonicalContact, mergeSet", "links between records of the same person", false)),
        List.of("customers", "prospects"),
        List.of(
            "recognizing customers when they contact the organization",
            "customer service and the customer relationship",
            "a single customer view across channels (merged contacts)"),
        "Art. 6(1)(b) GDPR (contract and pre-contractual steps) and Art. 6(1)(f) GDPR (legitimate interest in"
            + " serving customers consistently)",
        List.of("agents and supervisors of the organization", "integrations the organization connects (CRM)"),
        "Until the contact is deleted by the organization or erased on the data subject's request.",
        "Entered by agents, imported from the organization's CRM or created from interactions.",
        ErasureMode.DELETE);
  }

  @Override
  @Transactional(readOnly = true)
  public List<SubjectMatch> findSubjects(OrgId org, Identifier identifier) {
    return findSubjects(org, index.lookup(org, identifier.kind(), identifier.value(), name()));
  }

  @Override
  public List<SubjectMatch> findSubjects(OrgId org, Collection<String> indexedRecordIds) {
    List<UUID> ids = indexedRecordIds.stream().flatMap(id -> Ids.parse(id).stream()).toList();
    return contacts.findAll(org, ids).stream().map(ExternalContactsPersonalData::match).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<SubjectMatch> resolve(OrgId org, SubjectRef ref) {
    if (ref.type() != SubjectType.EXTERNAL_CONTACT) {
      return Optional.empty();
    }
    return Ids.parse(ref.id()).flatMap(id -> contacts.find(org, id)).map(ExternalContactsPersonalData::match);
  }

  @Override
  @Transactional(readOnly = true)
  public ServiceOutcome export(OrgId org, SubjectTerms terms, ExportSink sink) {
    List<StoredContact> found = contacts.findAll(org, matching(org, terms));
    for (StoredContact contact : found) {
      List<UUID> members = contact.isCanonical() ? contacts.membersOf(org, contact.id()) : List.of();
      Map<String, Object> fields = json.convertValue(ContactView.of(contact, members), MAP);
      sink.record("externalContact", contact.id().toString(), fields);
    }
    return ServiceOutcome.exported(found.size(), found.size());
  }

  @Override
  @Transactional
  public ServiceOutcome rectify(OrgId org, SubjectTerms terms, List<ReplacementTerm> replacements) {
    Rectification rectification = new Rectification(index.regionOf(org));
    rectification.validate(replacements);
    long matched = 0;
    long updated = 0;
    for (UUID id : matching(org, terms)) {
      Optional<StoredContact> contact = contacts.findForUpdate(org, id);
      if (contact.isEmpty()) {
        continue;
      }
      matched++;
      ContactFields rectified = rectification.apply(contact.get().fields(), replacements);
      if (!rectified.equals(contact.get().fields())) {
        service.rewrite(org, id, rectified);
        updated++;
      }
    }
    return ServiceOutcome.updated(matched, updated);
  }

  /** Deletes every matching contact in a few statements, however many the terms find. */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms) {
    long deleted = service.deleteAll(org, matching(org, terms));
    return ServiceOutcome.erased(deleted, deleted, 0);
  }

  /**
   * Keeps held contacts, whether an identifier found them or the request named them, and reports
   * them as retained with the hold's reason. Only this service's own refs are read, so the held
   * refs can stay in the terms here: they name the records to keep.
   */
  @Override
  @Transactional
  public ServiceOutcome erase(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    List<UUID> erasable = new ArrayList<>();
    Map<UUID, String> held = new LinkedHashMap<>();
    for (UUID id : matching(org, terms)) {
      exemptions.reasonFor(SubjectRef.externalContact(id.toString()))
          .ifPresentOrElse(reason -> held.put(id, reason), () -> erasable.add(id));
    }
    long deleted = service.deleteAll(org, erasable);
    Set<UUID> kept = contacts.existing(org, held.keySet());
    Set<String> reasons = new LinkedHashSet<>();
    held.forEach((id, reason) -> {
      if (kept.contains(id)) {
        reasons.add(reason);
      }
    });
    long retained = kept.size();
    return new ServiceOutcome(deleted + retained, 0, 0, deleted, 0, retained, List.copyOf(reasons));
  }

  @Override
  @Transactional(readOnly = true)
  public long remaining(OrgId org, SubjectTerms terms) {
    return contacts.existing(org, matching(org, terms)).size();
  }

  @Override
  @Transactional(readOnly = true)
  public long remaining(OrgId org, SubjectTerms terms, ErasureExemptions exemptions) {
    return contacts.existing(org, matching(org, terms)).stream()
        .filter(id -> !exemptions.exempts(SubjectRef.externalContact(id.toString())))
        .count();
  }

  /** The ids of contacts found by the terms' identifiers or named by their refs (maybe gone since). */
  private Set<UUID> matching(OrgId org, SubjectTerms terms) {
    Set<UUID> ids = new LinkedHashSet<>();
    index.lookupAny(org, terms.identifiers(), name()).forEach(id -> Ids.parse(id).ifPresent(ids::add));
    for (SubjectRef ref : terms.refs()) {
      if (ref.type() == SubjectType.EXTERNAL_CONTACT) {
        Ids.parse(ref.id()).ifPresent(ids::add);
      }
    }
    return ids;
  }

  private static SubjectMatch match(StoredContact contact) {
    ContactFields fields = contact.fields();
    return new SubjectMatch(SubjectRef.externalContact(contact.id().toString()), fields.fullName(), fields.subjectIdentifiers());
  }
}

package io.datarights.contacts.internal;

import io.datarights.contacts.ExternalContact;
import io.datarights.contacts.ExternalContacts;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes of external contacts and their merge sets. Every write changes the contact and its
 * identifiers in the index in one transaction.
 */
@Service
class ContactService implements ExternalContacts {

  static final String SERVICE = "externalContacts";

  private final ContactRepository contacts;
  private final IdentifierIndex index;
  private final Clock clock;

  ContactService(ContactRepository contacts, IdentifierIndex index, Clock clock) {
    this.contacts = contacts;
    this.index = index;
    this.clock = clock;
  }

  String regionOf(OrgId org) {
    return index.regionOf(org);
  }

  @Transactional
  StoredContact create(OrgId org, ContactFields body) {
    ContactFields fields = ContactInput.clean(body, regionOf(org));
    Instant now = now();
    StoredContact contact = new StoredContact(UUID.randomUUID(), fields, null, now, now);
    contacts.insert(org, contact);
    reindex(org, contact.id(), fields);
    return contact;
  }

  @Transactional
  StoredContact update(OrgId org, String id, ContactFields body) {
    UUID contactId = Ids.existingOrNotFound(id, "external contact");
    ContactFields fields = ContactInput.clean(body, regionOf(org));
    if (!contacts.updateFields(org, contactId, fields, now())) {
      throw notFound();
    }
    reindex(org, contactId, fields);
    return contacts.find(org, contactId).orElseThrow();
  }

  /** Rewrites a contact's fields (rectification), keeping its place in its merge set. */
  @Transactional
  void rewrite(OrgId org, UUID id, ContactFields fields) {
    contacts.updateFields(org, id, fields, now());
    reindex(org, id, fields);
  }

  @Transactional(readOnly = true)
  StoredContact get(OrgId org, String id) {
    return Ids.parse(id).flatMap(uuid -> contacts.find(org, uuid)).orElseThrow(ContactService::notFound);
  }

  /**
   * Deletes a contact and its identifiers, leaving its merge set consistent: a set left with one
   * contact is dissolved; a set that lost its canonical contact gets the oldest remaining one as
   * its new canonical. False if there was no such contact (already deleted).
   */
  @Transactional
  boolean delete(OrgId org, UUID id) {
    return deleteAll(org, List.of(id)) == 1;
  }

  /**
   * Deletes many contacts and their identifiers in a few statements (an erasure finds thousands at
   * once), leaving their merge sets as deleting them one by one would: a set left with one contact
   * is dissolved; a set that lost its canonical contact gets the oldest remaining one. Returns how
   * many of the contacts existed.
   */
  @Transactional
  long deleteAll(OrgId org, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    contacts.lockMergeSets(org);
    Map<UUID, UUID> found = contacts.lockAll(org, ids);
    if (found.isEmpty()) {
      return 0;
    }
    Set<UUID> sets = new LinkedHashSet<>();
    found.values().stream().filter(Objects::nonNull).forEach(sets::add);
    Instant now = now();
    // Survivors first point elsewhere, so that no row references a deleted canonical contact.
    for (Map.Entry<UUID, List<UUID>> set : contacts.membersOf(org, sets).entrySet()) {
      List<UUID> rest = new ArrayList<>(set.getValue());
      rest.removeAll(found.keySet());
      if (rest.isEmpty()) {
        continue;
      }
      if (rest.size() == 1) {
        contacts.setCanonical(org, rest, null, now);
      } else if (found.containsKey(set.getKey())) {
        contacts.setCanonical(org, rest, rest.get(0), now);
      }
    }
    long deleted = contacts.deleteAll(org, found.keySet());
    index.removeAll(org, SERVICE, found.keySet().stream().map(UUID::toString).toList());
    return deleted;
  }

  @Transactional
  void delete(OrgId org, String id) {
    if (!delete(org, Ids.existingOrNotFound(id, "external contact"))) {
      throw notFound();
    }
  }

  /**
   * Merges the source's set into the target's: the target's canonical contact becomes canonical
   * for both sets and its empty fields are filled from the source (then from the source set's
   * former canonical, whose single view would otherwise be lost).
   */
  @Transactional
  StoredContact merge(OrgId org, String sourceId, String targetId) {
    contacts.lockMergeSets(org);
    StoredContact source = lockedOrNotFound(org, sourceId);
    StoredContact target = lockedOrNotFound(org, targetId);
    if (source.id().equals(target.id())) {
      throw ApiException.invalidValue("sourceContactId", "sourceContactId and targetContactId name the same contact.");
    }
    if (source.canonicalOrSelf().equals(target.canonicalOrSelf())) {
      throw ApiException.invalidValue("sourceContactId", "sourceContactId is already in the merge set of targetContactId.");
    }
    StoredContact canonical = target.isCanonical() || !target.inMergeSet() ? target : contacts.findForUpdate(org, target.canonicalId()).orElseThrow();
    ContactFields single = canonical.fields().filledFrom(source.fields());
    if (source.inMergeSet() && !source.isCanonical()) {
      single = single.filledFrom(contacts.findForUpdate(org, source.canonicalId()).orElseThrow().fields());
    }
    Instant now = now();
    Set<UUID> members = new LinkedHashSet<>();
    members.add(canonical.id());
    members.add(target.id());
    members.add(source.id());
    if (target.inMergeSet()) {
      members.addAll(contacts.membersOf(org, target.canonicalId()));
    }
    if (source.inMergeSet()) {
      members.addAll(contacts.membersOf(org, source.canonicalId()));
    }
    contacts.setCanonical(org, members, canonical.id(), now);
    contacts.updateFields(org, canonical.id(), single, now);
    reindex(org, canonical.id(), single);
    return contacts.find(org, canonical.id()).orElseThrow();
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> mergeSetOf(OrgId org, String contactId) {
    Optional<StoredContact> contact = Ids.parse(contactId).flatMap(id -> contacts.find(org, id));
    if (contact.isEmpty()) {
      return List.of();
    }
    if (!contact.get().inMergeSet()) {
      return List.of(contact.get().id().toString());
    }
    return contacts.membersOf(org, contact.get().canonicalId()).stream().map(UUID::toString).toList();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ExternalContact> find(OrgId org, String contactId) {
    return Ids.parse(contactId).flatMap(id -> contacts.find(org, id)).map(ContactService::summary);
  }

  static ExternalContact summary(StoredContact c) {
    ContactFields f = c.fields();
    return new ExternalContact(
        c.id().toString(),
        f.firstName(),
        f.middleName(),
        f.lastName(),
        Optional.ofNullable(c.canonicalId()).map(UUID::toString),
        f.identifiers(),
        c.createdAt(),
        c.modifiedAt());
  }

  private StoredContact lockedOrNotFound(OrgId org, String id) {
    return Ids.parse(id).flatMap(uuid -> contacts.findForUpdate(org, uuid)).orElseThrow(ContactService::notFound);
  }

  private void reindex(OrgId org, UUID id, ContactFields fields) {
    index.replace(org, SERVICE, id.toString(), fields.identifiers());
  }

  /** Microseconds, as PostgreSQL stores them, so that what we answer is what we read back later. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static ApiException notFound() {
    return ApiException.notFound("external contact");
  }
}

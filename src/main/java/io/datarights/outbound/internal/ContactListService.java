package io.datarights.outbound.internal;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierIndex.RecordIdentifiers;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Contact lists: their definition, and what a change of columns means for the contacts. */
@Service
class ContactListService {

  /** Contacts read at a time when a whole list is re-indexed or deleted. */
  private static final int BATCH = 5_000;

  private final ContactListRepository lists;
  private final DialerContactRepository contacts;
  private final IdentifierIndex index;
  private final Clock clock;

  ContactListService(ContactListRepository lists, DialerContactRepository contacts, IdentifierIndex index, Clock clock) {
    this.lists = lists;
    this.contacts = contacts;
    this.index = index;
    this.clock = clock;
  }

  @Transactional
  ContactList create(OrgId org, ContactListDefinition definition) {
    ContactList list =
        new ContactList(
            org,
            UUID.randomUUID(),
            definition.name(),
            definition.columnNames(),
            definition.phoneColumns(),
            definition.emailColumns(),
            // PostgreSQL keeps microseconds; the answer should show what a later GET shows.
            clock.instant().truncatedTo(ChronoUnit.MICROS));
    requireFreeName(org, list);
    try {
      lists.insert(list);
    } catch (DuplicateKeyException e) {
      throw nameConflict(list.name());
    }
    return list;
  }

  /**
   * Replaces a list's definition. Values of removed columns are removed from its contacts; when
   * columns become phone or e-mail columns every contact's value there must fit (else 400, nothing
   * changed); and when the columns that identify a person change, the contacts are re-indexed.
   */
  @Transactional
  ContactList update(OrgId org, UUID id, ContactListDefinition definition) {
    ContactList old = lists.findForUpdate(org, id).orElseThrow(() -> ApiException.notFound("contact list"));
    ContactList updated = old.withDefinition(definition);
    requireFreeName(org, updated);
    try {
      lists.update(updated);
    } catch (DuplicateKeyException e) {
      throw nameConflict(updated.name());
    }
    Set<String> removed = new LinkedHashSet<>(old.columnNames());
    removed.removeAll(updated.columnNames());
    contacts.dropColumns(org, id, removed);
    boolean newlyTyped = !newlyTyped(old.phoneColumns(), updated.phoneColumns()).isEmpty()
        || !newlyTyped(old.emailColumns(), updated.emailColumns()).isEmpty();
    if (newlyTyped || !old.roles().sameIdentifiersAs(updated.roles())) {
      revalidateAndReindex(org, old, updated);
    }
    return updated;
  }

  /** Deletes a list, its contacts and their index entries. */
  @Transactional
  void delete(OrgId org, UUID id) {
    lists.findForUpdate(org, id).orElseThrow(() -> ApiException.notFound("contact list"));
    long after = 0;
    List<StoredContact> batch;
    do {
      batch = contacts.idsAfter(org, id, after, BATCH);
      index.removeAll(org, DialerContactService.SERVICE, batch.stream().map(c -> c.id().toString()).toList());
      after = batch.isEmpty() ? after : batch.get(batch.size() - 1).position();
    } while (batch.size() == BATCH);
    lists.delete(org, id);
  }

  private void revalidateAndReindex(OrgId org, ContactList old, ContactList updated) {
    ColumnRoles roles = updated.roles();
    String region = index.regionOf(org);
    Set<String> newPhones = newlyTyped(old.phoneColumns(), updated.phoneColumns());
    Set<String> newEmails = newlyTyped(old.emailColumns(), updated.emailColumns());
    long after = 0;
    List<StoredContact> batch;
    do {
      batch = contacts.after(org, updated.id(), after, BATCH);
      List<RecordIdentifiers> identifiers = new ArrayList<>(batch.size());
      for (StoredContact contact : batch) {
        for (var entry : contact.data().entrySet()) {
          String column = entry.getKey();
          if (newPhones.contains(column) || newEmails.contains(column)) {
            roles.check(column, entry.getValue(), region).ifPresent(problem -> {
              throw ApiException.invalidValue(
                  typedField(updated, column),
                  "The contact " + contact.id() + " holds a value in the column " + column
                      + " that is not a " + (newPhones.contains(column) ? "phone number" : "e-mail address")
                      + "; correct or clear it before typing the column.");
            });
          }
        }
        identifiers.add(new RecordIdentifiers(contact.id().toString(), roles.identifiers(contact.data())));
      }
      index.removeAll(org, DialerContactService.SERVICE, identifiers.stream().map(RecordIdentifiers::recordId).toList());
      index.addAll(org, DialerContactService.SERVICE, identifiers);
      after = batch.isEmpty() ? after : batch.get(batch.size() - 1).position();
    } while (batch.size() == BATCH);
  }

  private static Set<String> newlyTyped(List<TypedColumn> before, List<TypedColumn> after) {
    Set<String> result = new HashSet<>();
    after.forEach(c -> result.add(c.columnName()));
    before.forEach(c -> result.remove(c.columnName()));
    return result;
  }

  /** The request field that made a column a phone or e-mail column, e.g. phoneColumns[1].columnName. */
  private static String typedField(ContactList list, String column) {
    for (int i = 0; i < list.phoneColumns().size(); i++) {
      if (list.phoneColumns().get(i).columnName().equals(column)) {
        return "phoneColumns[" + i + "].columnName";
      }
    }
    for (int i = 0; i < list.emailColumns().size(); i++) {
      if (list.emailColumns().get(i).columnName().equals(column)) {
        return "emailColumns[" + i + "].columnName";
      }
    }
    return "columnNames";
  }

  private void requireFreeName(OrgId org, ContactList list) {
    if (lists.nameTaken(org, list.name(), list.id())) {
      throw nameConflict(list.name());
    }
  }

  private static ApiException nameConflict(String name) {
    return ApiException.conflict("A contact list named " + name + " already exists.");
  }
}

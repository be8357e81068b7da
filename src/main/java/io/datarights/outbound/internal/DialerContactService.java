package io.datarights.outbound.internal;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierIndex.RecordIdentifiers;
import io.datarights.outbound.DialerContact;
import io.datarights.outbound.OutboundContacts;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes of single dialer contacts, each with its identifiers in the same transaction. */
@Service
class DialerContactService implements OutboundContacts {

  /** The personal-data service name, also the service of the contacts' index entries. */
  static final String SERVICE = "outbound";
  /** Contacts per POST, as in Genesys; more go through the CSV import. */
  static final int MAX_CONTACTS_PER_REQUEST = 1000;

  private final ContactListRepository lists;
  private final DialerContactRepository contacts;
  private final IdentifierIndex index;

  DialerContactService(ContactListRepository lists, DialerContactRepository contacts, IdentifierIndex index) {
    this.lists = lists;
    this.contacts = contacts;
    this.index = index;
  }

  /** Adds contacts to a list: all of them, or none if any is invalid. */
  @Transactional
  List<StoredContact> add(OrgId org, UUID listId, List<ContactInput> inputs) {
    if (inputs.size() > MAX_CONTACTS_PER_REQUEST) {
      throw ApiException.invalidValue(
          "body", "At most " + MAX_CONTACTS_PER_REQUEST + " contacts per request; import larger lists as CSV.");
    }
    ContactList list = lists.findForShare(org, listId).orElseThrow(() -> ApiException.notFound("contact list"));
    ColumnRoles roles = list.roles();
    String region = index.regionOf(org);
    List<StoredContact> created = new ArrayList<>();
    List<RecordIdentifiers> identifiers = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      ContactInput input = inputs.get(i);
      if (input == null) {
        throw ApiException.invalidValue("body", "Contact " + (i + 1) + " of the request is null.");
      }
      String which = inputs.size() > 1 ? "Contact " + (i + 1) + " of the request: " : "";
      Map<String, String> data = list.ordered(input.validData(roles, region, which));
      StoredContact contact = new StoredContact(UUID.randomUUID(), listId, data, input.isCallable(), 0);
      created.add(contact);
      identifiers.add(new RecordIdentifiers(contact.id().toString(), roles.identifiers(data)));
    }
    contacts.insertAll(org, listId, created);
    index.addAll(org, SERVICE, identifiers);
    return created;
  }

  @Transactional
  StoredContact update(OrgId org, UUID listId, UUID contactId, ContactInput input) {
    ContactList list = lists.findForShare(org, listId).orElseThrow(() -> ApiException.notFound("contact list"));
    StoredContact existing =
        contacts.find(org, listId, contactId).orElseThrow(() -> ApiException.notFound("contact"));
    ColumnRoles roles = list.roles();
    Map<String, String> data = list.ordered(input.validData(roles, index.regionOf(org), ""));
    StoredContact updated = new StoredContact(contactId, listId, data, input.isCallable(), existing.position());
    rewrite(org, list, updated);
    return updated;
  }

  /** Stores new data of a contact and re-indexes it (also for rectification). */
  @Transactional
  void rewrite(OrgId org, ContactList list, StoredContact contact) {
    contacts.update(org, contact.id(), contact.data(), contact.callable());
    index.replace(org, SERVICE, contact.id().toString(), list.roles().identifiers(contact.data()));
  }

  @Transactional
  void delete(OrgId org, UUID listId, UUID contactId) {
    if (contacts.find(org, listId, contactId).isEmpty() || !delete(org, contactId)) {
      throw ApiException.notFound("contact");
    }
  }

  /** Deletes a contact and its index entries; false if it was gone already. */
  @Transactional
  boolean delete(OrgId org, UUID contactId) {
    index.remove(org, SERVICE, contactId.toString());
    return contacts.delete(org, contactId);
  }

  /** Deletes contacts and their index entries; how many there were. */
  @Transactional
  long deleteAll(OrgId org, Collection<UUID> contactIds) {
    index.removeAll(org, SERVICE, contactIds.stream().map(UUID::toString).toList());
    return contacts.deleteAll(org, contactIds);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<DialerContact> find(OrgId org, String contactListId, String contactId) {
    Optional<UUID> listId = Ids.parse(contactListId);
    Optional<UUID> id = Ids.parse(contactId);
    if (listId.isEmpty() || id.isEmpty()) {
      return Optional.empty();
    }
    return lists.find(org, listId.get())
        .flatMap(list -> contacts.find(org, list.id(), id.get())
            .map(c -> new DialerContact(c.id().toString(), c.listId().toString(), list.ordered(c.data()), c.callable())));
  }
}

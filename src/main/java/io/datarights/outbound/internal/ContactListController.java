package io.datarights.outbound.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

/** {@code /api/v2/outbound/contactlists}: the dialer's contact lists (Genesys {@code ContactList}). */
@RestController
@RequestMapping(ContactListController.PATH)
class ContactListController {

  static final String PATH = "/api/v2/outbound/contactlists";

  private final ContactListService service;
  private final ContactListRepository lists;
  private final DialerContactRepository contacts;

  ContactListController(ContactListService service, ContactListRepository lists, DialerContactRepository contacts) {
    this.service = service;
    this.lists = lists;
    this.contacts = contacts;
  }

  record ContactListView(
      String id,
      String name,
      List<String> columnNames,
      List<TypedColumn> phoneColumns,
      List<TypedColumn> emailColumns,
      long size,
      Instant dateCreated,
      String selfUri) {

    static ContactListView of(ContactList list, long size) {
      return new ContactListView(
          list.id().toString(),
          list.name(),
          list.columnNames(),
          list.phoneColumns(),
          list.emailColumns(),
          size,
          list.createdAt(),
          PATH + "/" + list.id());
    }
  }

  @PostMapping
  @RequiresPermission("outbound:contact:add")
  ResponseEntity<ContactListView> create(Caller caller, @RequestBody ContactListDefinition.Body body) {
    ContactList list = service.create(caller.orgId(), ContactListDefinition.of(body));
    return ResponseEntity.created(URI.create(PATH + "/" + list.id())).body(ContactListView.of(list, 0));
  }

  @GetMapping
  @RequiresPermission("outbound:contact:view")
  Listing<ContactListView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<ContactListView> entities =
        lists.list(caller.orgId(), page).stream().map(s -> ContactListView.of(s.list(), s.size())).toList();
    return Listing.of(entities, page, lists.count(caller.orgId()), PATH);
  }

  @GetMapping("/{listId}")
  @RequiresPermission("outbound:contact:view")
  ContactListView get(Caller caller, @PathVariable String listId) {
    ContactList list = find(caller, listId);
    return ContactListView.of(list, contacts.count(caller.orgId(), list.id()));
  }

  @PutMapping("/{listId}")
  @RequiresPermission("outbound:contact:edit")
  ContactListView update(Caller caller, @PathVariable String listId, @RequestBody ContactListDefinition.Body body) {
    UUID id = Ids.existingOrNotFound(listId, "contact list");
    ContactList list = service.update(caller.orgId(), id, ContactListDefinition.of(body));
    return ContactListView.of(list, contacts.count(caller.orgId(), id));
  }

  @DeleteMapping("/{listId}")
  @RequiresPermission("outbound:contact:delete")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String listId) {
    service.delete(caller.orgId(), Ids.existingOrNotFound(listId, "contact list"));
    return ResponseEntity.noContent().build();
  }

  private ContactList find(Caller caller, String listId) {
    return lists.find(caller.orgId(), Ids.existingOrNotFound(listId, "contact list"))
        .orElseThrow(() -> ApiException.notFound("contact list"));
  }
}

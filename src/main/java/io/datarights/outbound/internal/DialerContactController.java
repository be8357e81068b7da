package io.datarights.outbound.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v2/outbound/contactlists/{listId}/contacts}: the rows of a list (Genesys {@code DialerContact}). */
@RestController
@RequestMapping(ContactListController.PATH + "/{listId}/contacts")
class DialerContactController {

  private final DialerContactService service;
  private final ContactImporter importer;
  private final ContactListRepository lists;
  private final DialerContactRepository contacts;

  DialerContactController(
      DialerContactService service, ContactImporter importer, ContactListRepository lists, DialerContactRepository contacts) {
    this.service = service;
    this.importer = importer;
    this.lists = lists;
    this.contacts = contacts;
  }

  @Schema(name = "DialerContact") // Genesys' name; "ContactView" is the external contact's too
  record ContactView(String id, String contactListId, Map<String, String> data, boolean callable, String selfUri) {

    static ContactView of(ContactList list, StoredContact contact) {
      return new ContactView(
          contact.id().toString(),
          list.id().toString(),
          list.ordered(contact.data()),
          contact.callable(),
          path(list.id()) + "/" + contact.id());
    }
  }

  record ImportResult(long imported) {}

  /** Adds contacts, Genesys style: an array in, the created contacts out; all or nothing. */
  @PostMapping
  @RequiresPermission("outbound:contact:add")
  List<ContactView> add(Caller caller, @PathVariable String listId, @RequestBody List<ContactInput> body) {
    ContactList list = list(caller.orgId(), listId);
    return service.add(caller.orgId(), list.id(), body).stream().map(c -> ContactView.of(list, c)).toList();
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RequiresPermission("outbound:contact:add")
  ImportResult importCsv(Caller caller, @PathVariable String listId, @RequestPart("file") MultipartFile file)
      throws IOException {
    UUID id = Ids.existingOrNotFound(listId, "contact list");
    try (InputStream csv = file.getInputStream()) {
      return new ImportResult(importer.importCsv(caller.orgId(), id, csv));
    }
  }

  @GetMapping
  @RequiresPermission("outbound:contact:view")
  Listing<ContactView> list(
      Caller caller,
      @PathVariable String listId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    ContactList list = list(caller.orgId(), listId);
    List<ContactView> entities =
        contacts.page(caller.orgId(), list.id(), page).stream().map(c -> ContactView.of(list, c)).toList();
    return Listing.of(entities, page, contacts.count(caller.orgId(), list.id()), path(list.id()));
  }

  @GetMapping("/{contactId}")
  @RequiresPermission("outbound:contact:view")
  ContactView get(Caller caller, @PathVariable String listId, @PathVariable String contactId) {
    ContactList list = list(caller.orgId(), listId);
    return contacts.find(caller.orgId(), list.id(), Ids.existingOrNotFound(contactId, "contact"))
        .map(c -> ContactView.of(list, c))
        .orElseThrow(() -> ApiException.notFound("contact"));
  }

  @PutMapping("/{contactId}")
  @RequiresPermission("outbound:contact:edit")
  ContactView update(
      Caller caller, @PathVariable String listId, @PathVariable String contactId, @RequestBody ContactInput body) {
    ContactList list = list(caller.orgId(), listId);
    UUID id = Ids.existingOrNotFound(contactId, "contact");
    return ContactView.of(list, service.update(caller.orgId(), list.id(), id, body));
  }

  @DeleteMapping("/{contactId}")
  @RequiresPermission("outbound:contact:delete")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String listId, @PathVariable String contactId) {
    UUID list = Ids.existingOrNotFound(listId, "contact list");
    service.delete(caller.orgId(), list, Ids.existingOrNotFound(contactId, "contact"));
    return ResponseEntity.noContent().build();
  }

  private ContactList list(OrgId org, String listId) {
    return lists.find(org, Ids.existingOrNotFound(listId, "contact list"))
        .orElseThrow(() -> ApiException.notFound("contact list"));
  }

  private static String path(UUID listId) {
    return ContactListController.PATH + "/" + listId + "/contacts";
  }
}

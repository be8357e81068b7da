package io.datarights.contacts.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.Listing;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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

/** {@code /api/v2/externalcontacts}: the org's external contacts and their merging. */
@RestController
@RequestMapping("/api/v2/externalcontacts")
class ContactController {

  private final ContactService service;
  private final ContactRepository contacts;

  ContactController(ContactService service, ContactRepository contacts) {
    this.service = service;
    this.contacts = contacts;
  }

  record MergeRequest(@NotBlank String sourceContactId, @NotBlank String targetContactId) {}

  @PostMapping("/contacts")
  @RequiresPermission("externalContacts:contact:add")
  ResponseEntity<ContactView> create(Caller caller, @Valid @RequestBody ContactFields body) {
    StoredContact created = service.create(caller.orgId(), body);
    return ResponseEntity.status(HttpStatus.CREATED).body(view(caller.orgId(), created));
  }

  @GetMapping("/contacts")
  @RequiresPermission("externalContacts:contact:view")
  Listing<ContactView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<StoredContact> found = contacts.list(caller.orgId(), page);
    Map<UUID, List<UUID>> sets =
        contacts.membersOf(caller.orgId(), found.stream().filter(StoredContact::isCanonical).map(StoredContact::id).toList());
    List<ContactView> entities =
        found.stream().map(c -> ContactView.of(c, sets.getOrDefault(c.id(), List.of()))).toList();
    return Listing.of(entities, page, contacts.count(caller.orgId()), ContactView.PATH);
  }

  @GetMapping("/contacts/{contactId}")
  @RequiresPermission("externalContacts:contact:view")
  ContactView get(Caller caller, @PathVariable String contactId) {
    return view(caller.orgId(), service.get(caller.orgId(), contactId));
  }

  @PutMapping("/contacts/{contactId}")
  @RequiresPermission("externalContacts:contact:edit")
  ContactView update(Caller caller, @PathVariable String contactId, @Valid @RequestBody ContactFields body) {
    return view(caller.orgId(), service.update(caller.orgId(), contactId, body));
  }

  @DeleteMapping("/contacts/{contactId}")
  @RequiresPermission("externalContacts:contact:delete")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String contactId) {
    service.delete(caller.orgId(), contactId);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/merge/contacts")
  @RequiresPermission("externalContacts:contact:edit")
  ContactView merge(Caller caller, @Valid @RequestBody MergeRequest body) {
    StoredContact canonical = service.merge(caller.orgId(), body.sourceContactId(), body.targetContactId());
    return view(caller.orgId(), canonical);
  }

  private ContactView view(OrgId org, StoredContact contact) {
    List<UUID> members = contact.isCanonical() ? contacts.membersOf(org, contact.id()) : List.of();
    return ContactView.of(contact, members);
  }
}

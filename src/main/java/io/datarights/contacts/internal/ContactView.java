package io.datarights.contacts.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An external contact on the wire (Genesys {@code ExternalContact}): its fields, the canonical
 * contact of its merge set (every member reports it) and, on the canonical contact, the set.
 */
@Schema(name = "ExternalContact") // Genesys' name; "ContactView" is the dialer contact's too
record ContactView(
    String id,
    @JsonUnwrapped ContactFields fields,
    Ref canonicalContact,
    List<Ref> mergeSet,
    Instant createdDate,
    Instant modifiedDate,
    String selfUri) {

  static final String PATH = "/api/v2/externalcontacts/contacts";

  record Ref(String id, String selfUri) {
    static Ref of(UUID id) {
      return new Ref(id.toString(), PATH + "/" + id);
    }
  }

  /** @param members the set's members when the contact is canonical (ignored otherwise) */
  static ContactView of(StoredContact c, List<UUID> members) {
    return new ContactView(
        c.id().toString(),
        c.fields(),
        c.inMergeSet() ? Ref.of(c.canonicalId()) : null,
        c.isCanonical() ? members.stream().map(Ref::of).toList() : null,
        c.createdAt(),
        c.modifiedAt(),
        PATH + "/" + c.id());
  }
}

package io.datarights.directory.internal;

import io.datarights.identifiers.Identifier;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A row of {@code directory_users}. */
record StoredUser(
    OrgId orgId,
    UUID id,
    String name,
    String email,
    String title,
    String state,
    List<PhoneNumber> phoneNumbers,
    String personalStatus,
    int version,
    Instant createdAt,
    Instant updatedAt,
    Instant anonymizedAt) {

  static final String ACTIVE = "active";
  static final String INACTIVE = "inactive";

  StoredUser {
    phoneNumbers = List.copyOf(phoneNumbers);
  }

  boolean active() {
    return ACTIVE.equals(state);
  }

  boolean anonymized() {
    return anonymizedAt != null;
  }

  /** What the identifier index holds for the user: name, work e-mail and phones (not the status). */
  List<Identifier> identifiers() {
    List<Identifier> result = new ArrayList<>();
    if (anonymized()) {
      return result;
    }
    result.add(Identifier.name(name));
    if (email != null) {
      result.add(Identifier.email(email));
    }
    for (PhoneNumber phone : phoneNumbers) {
      result.add(Identifier.phone(phone.e164()));
    }
    return result;
  }

  StoredUser with(UserFields fields, Instant now) {
    return new StoredUser(
        orgId, id, fields.name(), fields.email(), fields.title(), fields.state(), fields.phoneNumbers(),
        fields.personalStatus(), version + 1, createdAt, now, anonymizedAt);
  }
}

package io.datarights.directory.internal;

import java.util.List;

/**
 * A user as clients send it (POST, PUT, PATCH). Read-only fields ({@code id}, {@code selfUri})
 * are ignored; {@code version}, when given, must be the stored one.
 */
record UserBody(
    String name,
    String email,
    String title,
    String state,
    List<Phone> phoneNumbers,
    String personalStatus,
    Integer version) {

  /** A phone as sent: {@code display} alone is enough; {@code e164} is computed from it. */
  record Phone(String type, String display, String e164) {}

  /** This body laid over a stored user: given fields replace, absent (null) ones are kept. */
  UserBody over(StoredUser user) {
    return new UserBody(
        name != null ? name : user.name(),
        email != null ? email : user.email(),
        title != null ? title : user.title(),
        state != null ? state : user.state(),
        phoneNumbers != null
            ? phoneNumbers
            : user.phoneNumbers().stream().map(p -> new Phone(p.type(), p.display(), p.e164())).toList(),
        personalStatus != null ? personalStatus : user.personalStatus(),
        version);
  }
}

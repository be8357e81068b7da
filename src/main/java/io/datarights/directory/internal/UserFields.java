package io.datarights.directory.internal;

import java.util.List;

/** A user's fields after validation: trimmed, blanks as null, phones parsed. */
record UserFields(
    String name, String email, String title, String state, List<PhoneNumber> phoneNumbers, String personalStatus) {

  UserFields {
    phoneNumbers = List.copyOf(phoneNumbers);
  }
}

package io.datarights.privacy;

import java.util.Objects;

/**
 * A subject named by its id. {@code scope} is the dialer contact's {@code contactListId}, or the
 * journey customer's {@code type} (e.g. "cookie"); null for users and external contacts.
 */
public record SubjectRef(SubjectType type, String id, String scope) {

  public SubjectRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
  }

  public static SubjectRef user(String id) {
    return new SubjectRef(SubjectType.USER, id, null);
  }

  public static SubjectRef externalContact(String id) {
    return new SubjectRef(SubjectType.EXTERNAL_CONTACT, id, null);
  }

  public static SubjectRef dialerContact(String contactListId, String id) {
    return new SubjectRef(SubjectType.DIALER_CONTACT, id, contactListId);
  }

  public static SubjectRef journeyCustomer(String type, String id) {
    return new SubjectRef(SubjectType.JOURNEY_CUSTOMER, id, type);
  }
}

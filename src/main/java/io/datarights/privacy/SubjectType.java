package io.datarights.privacy;

/** The kinds of subject id of the Genesys {@code GDPRSubject}. */
public enum SubjectType {
  USER,
  EXTERNAL_CONTACT,
  DIALER_CONTACT,
  JOURNEY_CUSTOMER
}

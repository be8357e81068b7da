package io.datarights.identifiers;

/** Kinds of identifier; the names are the Genesys {@code searchType} values. */
public enum IdentifierKind {
  NAME,
  ADDRESS,
  PHONE,
  EMAIL,
  TWITTER,
  INSTAGRAM,
  FACEBOOK,
  APPLE_MESSAGES,
  WHATSAPP,
  EXTERNAL_ID
}

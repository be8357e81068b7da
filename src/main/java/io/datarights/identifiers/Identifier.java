package io.datarights.identifiers;

import java.util.Objects;

/** One identifier of a record as written, before normalization. */
public record Identifier(IdentifierKind kind, String value) {

  public Identifier {
    Objects.requireNonNull(kind, "kind");
  }

  public static Identifier name(String value) {
    return new Identifier(IdentifierKind.NAME, value);
  }

  public static Identifier email(String value) {
    return new Identifier(IdentifierKind.EMAIL, value);
  }

  public static Identifier phone(String value) {
    return new Identifier(IdentifierKind.PHONE, value);
  }

  public static Identifier address(String value) {
    return new Identifier(IdentifierKind.ADDRESS, value);
  }
}

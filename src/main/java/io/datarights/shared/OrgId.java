package io.datarights.shared;

import java.util.Objects;
import java.util.UUID;

/** The tenant an object belongs to. Every query is scoped by one. */
public record OrgId(UUID value) {

  public OrgId {
    Objects.requireNonNull(value, "value");
  }

  public static OrgId of(String value) {
    return new OrgId(UUID.fromString(value));
  }

  public static OrgId random() {
    return new OrgId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}

package io.datarights.security;

import io.datarights.shared.OrgId;
import java.util.Set;

/** The authenticated client on whose behalf a request runs; everything it sees is in its org. */
public record Caller(OrgId orgId, String clientId, String clientName, Set<String> permissions) {

  public Caller {
    permissions = Set.copyOf(permissions);
  }

  public boolean has(String permission) {
    return permissions.contains(permission);
  }
}

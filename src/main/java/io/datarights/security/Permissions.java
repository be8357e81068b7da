package io.datarights.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The permission catalog. Grants may end in a wildcard segment ({@code directory:user:*}, {@code
 * *}), which covers every permission of the catalog below it.
 */
public final class Permissions {

  public static final String GDPR_SUBJECT_VIEW = "gdpr:subject:view";
  public static final String GDPR_REQUEST_VIEW = "gdpr:request:view";
  public static final String GDPR_REQUEST_ADD = "gdpr:request:add";
  public static final String OAUTH_CLIENT_VIEW = "oauth:client:view";
  public static final String OAUTH_CLIENT_ADD = "oauth:client:add";
  public static final String OAUTH_CLIENT_DELETE = "oauth:client:delete";
  public static final String ADMIN_ORG_ADD = "admin:org:add";

  /** Everything an organization's own clients can hold. */
  public static final List<String> ORG =
      List.of(
          GDPR_SUBJECT_VIEW,
          GDPR_REQUEST_VIEW,
          GDPR_REQUEST_ADD,
          "directory:user:view",
          "directory:user:add",
          "directory:user:edit",
          "directory:user:delete",
          "externalContacts:contact:view",
          "externalContacts:contact:add",
          "externalContacts:contact:edit",
          "externalContacts:contact:delete",
          "outbound:contact:view",
          "outbound:contact:add",
          "outbound:contact:edit",
          "outbound:contact:delete",
          "conversation:interaction:view",
          "conversation:interaction:add",
          "conversation:interaction:edit",
          "conversation:interaction:delete",
          "journey:event:view",
          "journey:event:add",
          "journey:event:delete",
          "architect:flow:view",
          "architect:flow:add",
          "architect:flow:edit",
          "architect:flow:delete",
          "audit:audit:view",
          "governance:record:view",
          "governance:record:edit",
          "governance:recipient:view",
          "governance:recipient:edit",
          "governance:hold:view",
          "governance:hold:edit",
          "governance:scan:view",
          "governance:scan:run",
          OAUTH_CLIENT_VIEW,
          OAUTH_CLIENT_ADD,
          OAUTH_CLIENT_DELETE);

  /** Held only by the platform administrator of the bootstrap organization. */
  public static final List<String> PLATFORM = List.of(ADMIN_ORG_ADD);

  private Permissions() {}

  public static List<String> platformAdmin() {
    var all = new LinkedHashSet<>(ORG);
    all.addAll(PLATFORM);
    return List.copyOf(all);
  }

  /** Whether a grant (possibly with a wildcard) covers a concrete permission. */
  public static boolean covers(String grant, String permission) {
    if (grant.equals(permission) || grant.equals("*")) {
      return !PLATFORM.contains(permission) || grant.equals(permission);
    }
    if (grant.endsWith(":*")) {
      return permission.startsWith(grant.substring(0, grant.length() - 1));
    }
    return false;
  }

  /** The concrete permissions that a set of grants amounts to. */
  public static Set<String> expand(Iterable<String> grants) {
    Set<String> result = new LinkedHashSet<>();
    for (String permission : platformAdmin()) {
      for (String grant : grants) {
        if (covers(grant, permission)) {
          result.add(permission);
          break;
        }
      }
    }
    return result;
  }

  /** Whether a grant names at least one permission of the catalog. */
  public static boolean isKnownGrant(String grant) {
    return platformAdmin().stream().anyMatch(permission -> covers(grant, permission));
  }
}

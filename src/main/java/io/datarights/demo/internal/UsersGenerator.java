package io.datarights.demo.internal;

import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Agents (directory users). The ids are deterministic so that conversations can name them. */
final class UsersGenerator {

  private UsersGenerator() {}

  static UUID userId(OrgId org, long seed, long n) {
    return UUID.nameUUIDFromBytes(("user/" + org + "/" + seed + "/" + n).getBytes(StandardCharsets.UTF_8));
  }
}

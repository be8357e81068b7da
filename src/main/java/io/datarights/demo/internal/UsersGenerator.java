package io.datarights.demo.internal;

import io.datarights.directory.BulkUser;
import io.datarights.directory.DirectoryBulkLoad;
import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Agents in the directory; every tenth has left (inactive), so that an erasure shows both
 * outcomes. Ids are deterministic so that conversations can name their agents.
 */
@Component
class UsersGenerator {

  private final DirectoryBulkLoad directory;

  UsersGenerator(DirectoryBulkLoad directory) {
    this.directory = directory;
  }

  static UUID userId(OrgId org, long seed, long n) {
    return UUID.nameUUIDFromBytes(("user/" + org + "/" + seed + "/" + n).getBytes(StandardCharsets.UTF_8));
  }

  void generate(OrgId org, long seed, long count, Consumer<String> out) {
    Progress progress = new Progress("users", count, out);
    List<BulkUser> users = new ArrayList<>();
    for (long n = 0; n < count; n++) {
      // Agents are people too, drawn from far beyond the customers' numbers.
      FakePeople.Person p = FakePeople.person(seed + 1, 50_000_000L + n);
      String email = FakePeople.ascii(p.firstName()) + "." + FakePeople.ascii(p.lastName()) + "." + n + "@staff.example.com";
      users.add(new BulkUser(userId(org, seed, n), p.fullName(), email, "Agent", n % 10 == 9 ? "inactive" : "active", p.phoneE164()));
    }
    directory.load(org, users);
    progress.update(count);
  }
}

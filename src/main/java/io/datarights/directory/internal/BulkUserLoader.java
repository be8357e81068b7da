package io.datarights.directory.internal;

import io.datarights.directory.BulkUser;
import io.datarights.directory.DirectoryBulkLoad;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class BulkUserLoader implements DirectoryBulkLoad {

  private final UserRepository users;
  private final IdentifierIndex index;
  private final Clock clock;

  BulkUserLoader(UserRepository users, IdentifierIndex index, Clock clock) {
    this.users = users;
    this.index = index;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void load(OrgId org, List<BulkUser> batch) {
    Instant now = clock.instant();
    for (BulkUser u : batch) {
      List<PhoneNumber> phones = u.workPhoneE164() == null ? List.of() : List.of(new PhoneNumber("WORK", u.workPhoneE164(), u.workPhoneE164()));
      StoredUser user = new StoredUser(org, u.id(), u.name(), u.email(), u.title(), u.state(), phones, null, 1, now, now, null);
      users.insert(user);
      index.replace(org, UserService.SERVICE, u.id().toString(), user.identifiers());
    }
  }
}

package io.datarights.directory.internal;

import io.datarights.directory.PersonalStatuses;
import io.datarights.shared.OrgId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

@Component
class DirectoryPersonalStatuses implements PersonalStatuses {

  private static final int BATCH = 500;
  // PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first.
  private static final UUID FIRST = new UUID(0, 0);

  private final UserRepository users;

  DirectoryPersonalStatuses(UserRepository users) {
    this.users = users;
  }

  @Override
  public void forEach(OrgId org, Consumer<PersonalStatus> consumer) {
    UUID after = FIRST;
    List<String[]> batch;
    do {
      batch = users.personalStatusesAfter(org, after, BATCH);
      for (String[] row : batch) {
        consumer.accept(new PersonalStatus(row[0], row[1]));
        after = UUID.fromString(row[0]);
      }
    } while (batch.size() == BATCH);
  }
}

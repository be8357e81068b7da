package io.datarights.directory;

import io.datarights.shared.OrgId;
import java.util.function.Consumer;

/**
 * Read access to the users' free-text personal statuses, which the GDPR API deliberately does not
 * search (as in Genesys), so that the PII scanner can find personal data written there.
 */
public interface PersonalStatuses {

  /** Every non-empty personal status of the org, in batches; nothing is held in memory whole. */
  void forEach(OrgId org, Consumer<PersonalStatus> consumer);

  /** One user's personal status text. */
  record PersonalStatus(String userId, String text) {}
}

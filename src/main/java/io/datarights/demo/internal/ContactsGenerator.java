package io.datarights.demo.internal;

import io.datarights.contacts.BulkContact;
import io.datarights.contacts.ExternalContactsBulkLoad;
import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * External contacts: one per person, and for every twentieth person a second contact written the
 * way people vary (no diacritics, other letter case, national phone format) merged with the first.
 */
@Component
class ContactsGenerator {

  static final int MERGE_EVERY = 20;
  private static final int BATCH = 10_000;

  private final ExternalContactsBulkLoad contacts;
  private final TransactionTemplate tx;

  ContactsGenerator(ExternalContactsBulkLoad contacts, TransactionTemplate tx) {
    this.contacts = contacts;
    this.tx = tx;
  }

  /** The contact id of person n in the org: deterministic, so other generators can link to it. */
  static UUID contactId(OrgId org, long seed, long n) {
    return UUID.nameUUIDFromBytes(("contact/" + org + "/" + seed + "/" + n).getBytes(StandardCharsets.UTF_8));
  }

  void generate(OrgId org, long seed, long people, Instant now, Consumer<String> out) {
    Progress progress = new Progress("contacts", people, out);
    List<BulkContact> batch = new ArrayList<>(BATCH + BATCH / MERGE_EVERY);
    for (long n = 0; n < people; n++) {
      FakePeople.Person p = FakePeople.person(seed, n);
      UUID id = contactId(org, seed, n);
      boolean merged = n % MERGE_EVERY == 1;
      batch.add(
          new BulkContact(
              id, p.firstName(), p.lastName(), p.email(), null, p.phoneE164(), p.twitter(), p.street(), p.postalCode(),
              p.city(), "DE", "CRM-" + n, merged ? id : null, now));
      if (merged) {
        UUID twin = UUID.nameUUIDFromBytes(("twin/" + id).getBytes(StandardCharsets.UTF_8));
        batch.add(
            new BulkContact(
                twin, FakePeople.ascii(p.firstName()).toUpperCase(Locale.ROOT), FakePeople.ascii(p.lastName()), null,
                p.emailVariant(), p.phoneE164(), null, null, null, null, "DE", null, id, now));
      }
      if (batch.size() >= BATCH) {
        flush(org, batch);
        progress.update(n + 1);
      }
    }
    flush(org, batch);
    progress.update(people);
  }

  private void flush(OrgId org, List<BulkContact> batch) {
    if (!batch.isEmpty()) {
      tx.executeWithoutResult(status -> contacts.load(org, batch));
      batch.clear();
    }
  }
}

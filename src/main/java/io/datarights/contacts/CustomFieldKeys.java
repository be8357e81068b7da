package io.datarights.contacts;

import io.datarights.shared.OrgId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Read access to the KEYS of the contacts' custom fields, which the GDPR API does not search
 * (only their values are indexed), so that the PII scanner can find personal data used as a key.
 */
public interface CustomFieldKeys {

  /** Every contact with at least one custom field, with its keys, in batches. */
  void forEach(OrgId org, Consumer<ContactKeys> consumer);

  /** The custom field keys of one contact. */
  record ContactKeys(String contactId, List<String> keys) {

    public ContactKeys {
      keys = List.copyOf(keys);
    }
  }
}

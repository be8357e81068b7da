package io.datarights.contacts;

import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Optional;

/** Read access to external contacts and their merge sets for other features (the GDPR engine). */
public interface ExternalContacts {

  /**
   * Every contact of the merge set that the contact belongs to, the contact itself included (the
   * canonical contact first); just the contact when it is in no set; empty when the id names no
   * contact of this org.
   */
  List<String> mergeSetOf(OrgId org, String contactId);

  /** The contact, or empty when the id names no contact of this org. */
  Optional<ExternalContact> find(OrgId org, String contactId);
}

package io.datarights.outbound;

import io.datarights.shared.OrgId;
import java.util.Optional;

/** Read access to dialer contacts for other features (the GDPR engine resolving a dialerContactId). */
public interface OutboundContacts {

  /** The contact, if it exists in that org and list; malformed ids find nothing. */
  Optional<DialerContact> find(OrgId org, String contactListId, String contactId);
}

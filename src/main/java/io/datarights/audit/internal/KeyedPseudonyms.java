package io.datarights.audit.internal;

import io.datarights.audit.Pseudonyms;
import io.datarights.security.PlatformSecrets;
import io.datarights.shared.Hmac;
import io.datarights.shared.OrgId;
import org.springframework.stereotype.Component;

/**
 * HMAC of the org and the normalized subject key: the same subject gets the same pseudonym in an
 * org's trail (so its requests can be followed), while the trail alone reveals no identifier.
 */
@Component
class KeyedPseudonyms implements Pseudonyms {

  private final byte[] key;

  KeyedPseudonyms(PlatformSecrets secrets) {
    this.key = secrets.get("audit-pseudonyms");
  }

  @Override
  public String of(OrgId org, String subjectKey) {
    return "subject:" + Hmac.sha256(key, org + "/" + subjectKey).substring(0, 22);
  }
}

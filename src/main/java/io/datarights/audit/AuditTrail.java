package io.datarights.audit;

import io.datarights.shared.OrgId;
import java.util.List;

/** Checking the audit chains. */
public interface AuditTrail {

  ChainVerification verify(OrgId org);

  /** Every org's chain, for the {@code audit verify} command. */
  List<ChainVerification> verifyAll();
}

package io.datarights.audit;

import io.datarights.shared.OrgId;

/** Keyed pseudonyms for subjects in the audit trail: stable per org, not reversible without the key. */
public interface Pseudonyms {

  String of(OrgId org, String subjectKey);
}

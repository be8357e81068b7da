package io.datarights.audit;

/** The result of checking an org's chain: ok, or the first entry that breaks it and how. */
public record ChainVerification(String orgId, boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {}

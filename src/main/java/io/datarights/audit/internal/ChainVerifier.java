package io.datarights.audit.internal;

import io.datarights.audit.AuditTrail;
import io.datarights.audit.ChainVerification;
import io.datarights.shared.OrgId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Recomputes an org's chain from its first entry. An edited row breaks its own hash; a deleted
 * row leaves a gap in the sequence; reordered rows break the link to the previous hash; a row
 * moved to another org no longer matches its hash there (entries written since V25, whose hash
 * covers the org; a chain's hash form never goes back to an older one).
 */
@Component
class ChainVerifier implements AuditTrail {

  private final AuditRepository entries;

  ChainVerifier(AuditRepository entries) {
    this.entries = entries;
  }

  @Override
  public ChainVerification verify(OrgId org) {
    var state = new Object() {
      long expectedSeq = 1;
      String prevHash = ChainHash.GENESIS;
      int hashVersion = 1;
      long checked;
      Long brokenSeq;
      String problem;
    };
    entries.forEachInOrder(
        org,
        e -> {
          if (state.brokenSeq != null) {
            return;
          }
          state.checked++;
          if (e.seq() != state.expectedSeq) {
            state.brokenSeq = e.seq();
            state.problem = "entry " + state.expectedSeq + " is missing (deleted?): the chain jumps to " + e.seq();
          } else if (!e.prevHash().equals(state.prevHash)) {
            state.brokenSeq = e.seq();
            state.problem = "entry " + e.seq() + " does not follow the entry before it (reordered or replaced?)";
          } else if (e.hashVersion() < state.hashVersion) {
            state.brokenSeq = e.seq();
            state.problem = "entry " + e.seq() + " claims an older form of hash than the entry before it (changed?)";
          } else if (!ChainHash.of(org, e).map(e.hash()::equals).orElse(false)) {
            state.brokenSeq = e.seq();
            state.problem = "entry " + e.seq() + " was changed after it was written: its content no longer matches its hash";
          }
          state.expectedSeq = e.seq() + 1;
          state.hashVersion = e.hashVersion();
          state.prevHash = e.hash();
        });
    return new ChainVerification(org.toString(), state.brokenSeq == null, state.checked, state.brokenSeq, state.problem);
  }

  @Override
  public List<ChainVerification> verifyAll() {
    return entries.orgsWithEntries().stream().map(this::verify).toList();
  }
}

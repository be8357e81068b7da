package io.datarights.audit.internal;

import io.datarights.shared.AuditableEvent;
import io.datarights.shared.AuditableEvents;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link AuditableEvent} to its org's chain, in the transaction of the action that
 * published it: the action and its audit entry commit together or not at all.
 */
@Component
class AuditAppender {

  private final AuditRepository entries;
  private final Clock clock;

  AuditAppender(AuditRepository entries, Clock clock) {
    this.entries = entries;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void append(AuditableEvent event) {
    entries.lockChain(event.org());
    AuditEntry last = entries.last(event.org()).orElse(null);
    long seq = last == null ? 1 : last.seq() + 1;
    String prev = last == null ? ChainHash.GENESIS : last.hash();
    Instant at = ChainHash.truncate(clock.instant());
    AuditEntry entry = new AuditEntry(seq, at, event.action(), event.actor(), event.targetType(), event.targetId(),
        event.details(), prev, ChainHash.CURRENT_VERSION, null);
    entries.insert(event.org(), entry.withHash(ChainHash.of(event.org(), entry).orElseThrow()));
  }

  /** The entries of a batch in one chain segment: one lock, one read of the chain's end, one insert. */
  @EventListener
  @Transactional
  public void appendAll(AuditableEvents batch) {
    if (batch.events().isEmpty()) {
      return;
    }
    entries.lockChain(batch.org());
    AuditEntry last = entries.last(batch.org()).orElse(null);
    long seq = last == null ? 0 : last.seq();
    String prev = last == null ? ChainHash.GENESIS : last.hash();
    Instant at = ChainHash.truncate(clock.instant());
    List<AuditEntry> appended = new ArrayList<>();
    for (AuditableEvent event : batch.events()) {
      seq++;
      AuditEntry entry = new AuditEntry(seq, at, event.action(), event.actor(), event.targetType(), event.targetId(),
          event.details(), prev, ChainHash.CURRENT_VERSION, null);
      AuditEntry hashed = entry.withHash(ChainHash.of(batch.org(), entry).orElseThrow());
      appended.add(hashed);
      prev = hashed.hash();
    }
    entries.insertAll(batch.org(), appended);
  }
}

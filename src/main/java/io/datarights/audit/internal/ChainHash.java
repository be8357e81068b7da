package io.datarights.audit.internal;

import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The hash of an entry: SHA-256 over the previous hash and every field, in a fixed form. Form 1
 * (entries written before V25) leaves out the org; form 2, written since, covers it too.
 */
final class ChainHash {

  static final String GENESIS = "0".repeat(64);
  static final int CURRENT_VERSION = 2;

  private ChainHash() {}

  /** The hash of an org's entry in the entry's form (its stored hash aside), or empty for an unknown form. */
  static Optional<String> of(OrgId org, AuditEntry entry) {
    return of(entry.hashVersion(), org, entry.prevHash(), entry.seq(), entry.occurredAt(), entry.action(), entry.actor(),
        entry.targetType(), entry.targetId(), entry.details());
  }

  private static Optional<String> of(int version, OrgId org, String prevHash, long seq, Instant occurredAt, String action,
      String actor, String targetType, String targetId, Map<String, String> details) {
    StringBuilder text = new StringBuilder();
    switch (version) {
      case 1 -> { }
      case 2 -> text.append("v2\n").append(org).append('\n');
      default -> {
        return Optional.empty();
      }
    }
    text.append(prevHash).append('\n').append(seq).append('\n')
        .append(truncate(occurredAt)).append('\n')
        .append(action).append('\n').append(actor).append('\n')
        .append(nullable(targetType)).append('\n').append(nullable(targetId)).append('\n');
    new TreeMap<>(details).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return Optional.of(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PostgreSQL keeps microseconds; the hash covers what is stored. */
  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static String nullable(String value) {
    return value == null ? "\u2400" : value;
  }
}

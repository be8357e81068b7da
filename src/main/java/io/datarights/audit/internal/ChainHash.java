package io.datarights.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** The hash of an entry: SHA-256 over the previous hash and every field, in a fixed form. */
final class ChainHash {

  static final String GENESIS = "0".repeat(64);

  private ChainHash() {}

  static String of(
      String prevHash, long seq, Instant occurredAt, String action, String actor, String targetType, String targetId,
      Map<String, String> details) {
    StringBuilder text = new StringBuilder();
    text.append(prevHash).append('\n').append(seq).append('\n')
        .append(truncate(occurredAt)).append('\n')
        .append(action).append('\n').append(actor).append('\n')
        .append(nullable(targetType)).append('\n').append(nullable(targetId)).append('\n');
    new TreeMap<>(details).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
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

package io.datarights.recipients.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Datarights-Signature: sha256=<hex>}: HMAC-SHA256, keyed with the recipient's secret
 * (its UTF-8 bytes), of {@code <timestamp>.<body>} — the decimal Unix seconds of
 * {@code X-Datarights-Timestamp}, a dot, then the exact body bytes (as Stripe and Standard
 * Webhooks sign). Signing the timestamp too means a replayed call cannot be given a fresh one, so
 * a receiver that refuses timestamps outside its tolerance window refuses old replays.
 */
final class WebhookSignature {

  static final String HEADER = "X-Datarights-Signature";
  static final String TIMESTAMP_HEADER = "X-Datarights-Timestamp";
  static final String DELIVERY_HEADER = "X-Datarights-Delivery";

  private WebhookSignature() {}

  static String of(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

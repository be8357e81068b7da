package io.datarights.recipients.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Datarights-Signature: sha256=<hex>}: HMAC-SHA256 of the exact body bytes, keyed with the
 * recipient's secret (its UTF-8 bytes), as GitHub-style receivers already know how to check.
 */
final class WebhookSignature {

  static final String HEADER = "X-Datarights-Signature";
  static final String TIMESTAMP_HEADER = "X-Datarights-Timestamp";
  static final String DELIVERY_HEADER = "X-Datarights-Delivery";

  private WebhookSignature() {}

  static String of(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.datarights.recipients.internal;

import io.datarights.security.PlatformSecrets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keeps recipients' signing secrets encrypted at rest: AES-256-GCM under a platform secret, with
 * the recipient's org and id as associated data so that a ciphertext copied to another row does
 * not decrypt. The key lives in {@code platform_secrets} of the same database: this keeps the
 * secrets out of dumps, exports and logs of the recipients table, not from someone who holds the
 * whole database.
 */
@Component
class SecretBox {

  private static final String KEY_NAME = "recipients.secret-encryption";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PlatformSecrets platformSecrets;

  SecretBox(PlatformSecrets platformSecrets) {
    this.platformSecrets = platformSecrets;
  }

  /** A new random secret for a recipient that did not bring its own. */
  static String generateSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  byte[] seal(String secret, String boundTo) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, boundTo, secret.getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  String open(byte[] box, String boundTo) {
    byte[] nonce = new byte[NONCE_BYTES];
    byte[] sealed = new byte[box.length - NONCE_BYTES];
    ByteBuffer.wrap(box).get(nonce).get(sealed);
    return new String(crypt(Cipher.DECRYPT_MODE, nonce, boundTo, sealed), StandardCharsets.UTF_8);
  }

  private byte[] crypt(int mode, byte[] nonce, String boundTo, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(platformSecrets.get(KEY_NAME), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // A wrong key or a tampered ciphertext: say which, never what.
      throw new IllegalStateException("A recipient secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted"), e);
    }
  }
}

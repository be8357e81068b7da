package io.datarights.gdpr.internal;

import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signed, expiring download links for export packages (like the pre-signed URLs Genesys hands
 * out): whoever holds the link may download until it expires; altering it breaks the signature.
 * The key is kept in the database so that every node signs and checks the same way.
 */
@Component
class ExportLinks {

  static final String PATH = "/api/v2/gdpr/requests/{requestId}/results";

  private final byte[] key;
  private final Clock clock;

  ExportLinks(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.key = tx.execute(status -> loadOrCreateKey(jdbc, clock));
    this.clock = clock;
  }

  Optional<String> linkFor(StoredRequest request) {
    if (request.resultsBlob() == null || request.resultsExpireAt() == null) {
      return Optional.empty();
    }
    long expires = request.resultsExpireAt().getEpochSecond();
    String path =
        PATH.replace("{requestId}", request.id().toString())
            + "?expires=" + expires + "&signature=" + sign(request.orgId(), request.id(), expires);
    boolean inRequest = RequestContextHolder.getRequestAttributes() != null;
    return Optional.of(inRequest ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + path : path);
  }

  enum Verdict { VALID, EXPIRED, INVALID }

  Verdict check(OrgId org, UUID requestId, long expires, String signature) {
    byte[] expected = sign(org, requestId, expires).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Verdict.INVALID;
    }
    return clock.instant().isAfter(Instant.ofEpochSecond(expires)) ? Verdict.EXPIRED : Verdict.VALID;
  }

  private String sign(OrgId org, UUID requestId, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] signature = mac.doFinal((org + "/" + requestId + "/" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] loadOrCreateKey(JdbcClient jdbc, Clock clock) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.export_links'))").query().singleRow();
    return jdbc.sql("select value from platform_secrets where name = 'export-links'")
        .query(byte[].class)
        .optional()
        .orElseGet(
            () -> {
              byte[] generated = new byte[32];
              new SecureRandom().nextBytes(generated);
              jdbc.sql("insert into platform_secrets (name, value, created_at) values ('export-links', :value, :now)")
                  .param("value", generated)
                  .param("now", Timestamp.from(clock.instant()))
                  .update();
              return generated;
            });
  }
}

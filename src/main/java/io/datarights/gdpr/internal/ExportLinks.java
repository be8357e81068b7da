package io.datarights.gdpr.internal;

import io.datarights.security.PlatformSecrets;
import io.datarights.shared.Hmac;
import io.datarights.shared.OrgId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
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

  ExportLinks(PlatformSecrets secrets, Clock clock) {
    this.key = secrets.get("export-links");
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
    return Hmac.sha256(key, org + "/" + requestId + "/" + expires);
  }
}

package io.datarights.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues signed access tokens that carry the client's org and permission grants. */
@Component
class Tokens {

  static final String ISSUER = "datarights";
  static final String ORG_CLAIM = "org";
  static final String NAME_CLAIM = "client_name";
  static final String PERMISSIONS_CLAIM = "permissions";

  private final JwtEncoder encoder;
  private final TokenProperties properties;
  private final Clock clock;

  Tokens(JwtEncoder encoder, TokenProperties properties, Clock clock) {
    this.encoder = encoder;
    this.properties = properties;
    this.clock = clock;
  }

  record Issued(String value, long expiresInSeconds) {}

  Issued issue(StoredClient client) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(client.clientId())
            .id(UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plus(properties.ttl()))
            .claim(ORG_CLAIM, client.orgId().toString())
            .claim(NAME_CLAIM, client.name())
            .claim(PERMISSIONS_CLAIM, client.permissions())
            .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    return new Issued(token, properties.ttl().toSeconds());
  }
}

package io.datarights.security.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA key that signs tokens, kept in the database so that every node of a cluster, and every
 * restart, signs and verifies with the same key.
 */
@Component
class SigningKeys {

  private final RSAKey key;

  SigningKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.key = tx.execute(status -> loadOrCreate(jdbc, clock));
  }

  RSAKey current() {
    return key;
  }

  private static RSAKey loadOrCreate(JdbcClient jdbc, Clock clock) {
    // Serializes the first start of several nodes at once.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.signing_keys'))").query().singleRow();
    var existing =
        jdbc.sql("select private_jwk from signing_keys order by created_at desc limit 1")
            .query(String.class)
            .optional();
    if (existing.isPresent()) {
      return parse(existing.get());
    }
    try {
      RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      jdbc.sql(
              """
              insert into signing_keys (key_id, private_jwk, public_jwk, created_at)
              values (:id, :private, :public, :created)
              """)
          .param("id", generated.getKeyID())
          .param("private", generated.toJSONString())
          .param("public", generated.toPublicJWK().toJSONString())
          .param("created", Timestamp.from(clock.instant()))
          .update();
      return generated;
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot generate the token signing key", e);
    }
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("The stored token signing key is unreadable", e);
    }
  }
}

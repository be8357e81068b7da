package io.datarights.security.internal;

import io.datarights.security.PlatformSecrets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class DatabasePlatformSecrets implements PlatformSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  DatabasePlatformSecrets(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public byte[] get(String name) {
    return cache.computeIfAbsent(name, n -> tx.execute(status -> loadOrCreate(n))).clone();
  }

  private byte[] loadOrCreate(String name) {
    // Serializes the first use on several nodes at once.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('datarights.platform_secrets'))").query().singleRow();
    return jdbc.sql("select value from platform_secrets where name = :name")
        .param("name", name)
        .query(byte[].class)
        .optional()
        .orElseGet(
            () -> {
              byte[] generated = new byte[32];
              RANDOM.nextBytes(generated);
              jdbc.sql("insert into platform_secrets (name, value, created_at) values (:name, :value, :now)")
                  .param("name", name)
                  .param("value", generated)
                  .param("now", Timestamp.from(clock.instant()))
                  .update();
              return generated;
            });
  }
}

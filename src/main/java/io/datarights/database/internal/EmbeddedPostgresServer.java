package io.datarights.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded PostgreSQL of the default configuration, its files under {@code <dataDir>/pg}. */
final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final DataDirectoryLock lock;
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(DataDirectoryLock lock, EmbeddedPostgres postgres) {
    this.lock = lock;
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(Path dataDir) {
    Path absolute = dataDir.toAbsolutePath().normalize();
    Path pg = absolute.resolve("pg");
    DataDirectoryLock lock = DataDirectoryLock.acquire(absolute);
    try {
      // Under the lock, so a PostgreSQL still running here was left by a server that crashed.
      LeftoverPostmaster.clear(pg, Duration.ofSeconds(30));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pg)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              // zonky's test defaults trade durability for speed; this database is the real one.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), pg);
      return new EmbeddedPostgresServer(lock, postgres);
    } catch (IOException e) {
      closeQuietly(lock);
      throw new EmbeddedPostgresException(
          "The embedded PostgreSQL in " + pg + " did not start: " + e.getMessage() + ".",
          "Check that the disk has room, that " + pg + " is writable by this user and that no PostgreSQL started "
              + "by hand uses it; or use an external PostgreSQL with DATARIGHTS_DB_URL.",
          e);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      lock.close();
    }
  }

  private static void closeQuietly(DataDirectoryLock lock) {
    try {
      lock.close();
    } catch (IOException ignored) {
      // nothing more can be done while failing to start
    }
  }
}

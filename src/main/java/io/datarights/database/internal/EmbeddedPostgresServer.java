package io.datarights.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    DataDirectoryLock lock = DataDirectoryLock.acquire(absolute);
    try {
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(absolute.resolve("pg"))
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .start();
      log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), absolute.resolve("pg"));
      return new EmbeddedPostgresServer(lock, postgres);
    } catch (IOException | RuntimeException e) {
      closeQuietly(lock);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + absolute, io);
      }
      throw (RuntimeException) e;
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

package io.datarights.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One embedded PostgreSQL for the whole test JVM, started on first use. */
public final class TestDatabase {

  private static EmbeddedPostgres postgres;

  private TestDatabase() {}

  public static synchronized String jdbcUrl() {
    if (postgres == null) {
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("datarights-test-pg"))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "300")
                // Durability is not under test here; speed is welcome.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A new, empty database on the same server, for tests that run servers of their own. */
  public static synchronized String newDatabase(String name) {
    jdbcUrl();
    try (var connection = postgres.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name + " with (force)");
      statement.execute("create database " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  public static int port() {
    jdbcUrl();
    return postgres.getPort();
  }
}

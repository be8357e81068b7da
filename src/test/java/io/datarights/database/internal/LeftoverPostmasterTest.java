package io.datarights.database.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a start does with the postmaster.pid it finds in the embedded PostgreSQL's directory. */
class LeftoverPostmasterTest {

  @TempDir Path dataDir;

  @Test
  void aPostgresLeftRunningOnThisDirectoryIsStoppedAndANewOneStartsThere() throws Exception {
    Path pg = dataDir.resolve("pg");
    long leftover;
    try (EmbeddedPostgres first = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start()) {
      leftover = LeftoverPostmaster.readPid(pg.resolve("postmaster.pid")).orElseThrow();
      assertThat(ProcessHandle.of(leftover)).isPresent();

      LeftoverPostmaster.clear(pg, Duration.ofSeconds(30));

      assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
    try (EmbeddedPostgres second = EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
        Connection connection = second.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void aPidFileNamingARunningProcessThatIsNoPostgresIsRemovedAsStale() throws Exception {
    Path pidFile = pidFile(ProcessHandle.current().pid());

    LeftoverPostmaster.clear(pidFile.getParent(), Duration.ofSeconds(5));

    assertThat(pidFile).doesNotExist();
    assertThat(ProcessHandle.current().isAlive()).isTrue();
  }

  @Test
  void aRunningPostgresOfAnotherDirectoryIsLeftAloneAndTheStalePidFileRemoved() throws Exception {
    long otherPostmaster;
    try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
      rs.next();
      otherPostmaster = ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow().pid();
    }
    Path pidFile = pidFile(otherPostmaster);

    LeftoverPostmaster.clear(pidFile.getParent(), Duration.ofSeconds(5));

    assertThat(pidFile).doesNotExist();
    assertThat(ProcessHandle.of(otherPostmaster).map(ProcessHandle::isAlive)).contains(true);
  }

  @Test
  void aPidFileOfAProcessThatHasEndedIsLeftToPostgres() throws Exception {
    Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ended.waitFor();
    Path pidFile = pidFile(ended.pid());

    LeftoverPostmaster.clear(pidFile.getParent(), Duration.ofSeconds(5));

    assertThat(pidFile).exists();
  }

  /** A postmaster.pid as PostgreSQL writes it: pid, data directory, start time, port, … */
  private Path pidFile(long pid) throws Exception {
    Path pg = Files.createDirectories(dataDir.resolve("pg"));
    return Files.writeString(pg.resolve("postmaster.pid"), pid + "\n" + pg + "\n1700000000\n5432\n/tmp\nlocalhost\n  1234  5678\nready   \n");
  }
}

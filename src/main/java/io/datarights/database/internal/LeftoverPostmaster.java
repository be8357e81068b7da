package io.datarights.database.internal;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code postmaster.pid} of the embedded PostgreSQL names, dealt with before each start.
 *
 * <p>pg_ctl starts PostgreSQL in a session of its own, so a server killed with SIGKILL (or by the
 * OOM killer) leaves it running, and the next start would wait in vain for a second PostgreSQL on
 * the same files. The caller holds the data-directory lock, so no other Datarights server uses
 * the directory: a PostgreSQL of this directory that still runs is such a leftover and is stopped.
 * A pid file naming some other process (the number was reused) is stale and removed. Only a
 * process that cannot be identified stops the start, with a message that says what to do.
 */
final class LeftoverPostmaster {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

  enum Kind {
    /** No pid file, or it names no running process: PostgreSQL deals with that itself. */
    NONE,
    /** A running PostgreSQL of this very directory. */
    POSTGRES_OF_THIS_DIRECTORY,
    /** A running process that is not a PostgreSQL of this directory: the pid file is stale. */
    OTHER_PROCESS,
    /** A running process this server cannot identify (another user's, a single-user backend). */
    UNKNOWN
  }

  private LeftoverPostmaster() {}

  /** Leaves {@code pgDir} free for a new PostgreSQL, or fails saying what the operator must do. */
  static void clear(Path pgDir, Duration timeout) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    Optional<Long> pid = readPid(pidFile);
    Optional<ProcessHandle> process = pid.flatMap(p -> ProcessHandle.of(Math.abs(p))).filter(ProcessHandle::isAlive);
    switch (process.map(p -> identify(p, pid.get(), pgDir)).orElse(Kind.NONE)) {
      case NONE -> { }
      case POSTGRES_OF_THIS_DIRECTORY -> stop(process.get(), pgDir, timeout);
      case OTHER_PROCESS -> {
        log.warn("{} names process {}, which is not a PostgreSQL of this directory; removing the stale file", pidFile, pid.get());
        deleteIfExists(pidFile);
      }
      case UNKNOWN -> throw new EmbeddedPostgresException(
          "The embedded PostgreSQL cannot start: " + pidFile + " names process " + pid.get()
              + ", which still runs and cannot be identified as a PostgreSQL this server may stop.",
          "Stop process " + Math.abs(pid.get()) + " if it is a PostgreSQL of " + pgDir + ", else delete " + pidFile
              + "; then start the server again.",
          null);
    }
  }

  /** The first line of the pid file: the postmaster's process id (negative for a single-user backend). */
  static Optional<Long> readPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      // half written by a PostgreSQL that died while starting: it removes such a file itself
      return Optional.empty();
    }
  }

  static Kind identify(ProcessHandle process, long pidInFile, Path pgDir) {
    ProcessHandle.Info info = process.info();
    Optional<String> command = info.command().map(c -> c.replace(" (deleted)", ""));
    if (command.isEmpty()) {
      return Kind.UNKNOWN;
    }
    String program = Path.of(command.get()).getFileName().toString();
    if (!List.of("postgres", "postgres.exe", "postmaster").contains(program)) {
      return Kind.OTHER_PROCESS;
    }
    Optional<Path> dataDir = info.arguments().flatMap(LeftoverPostmaster::dataDirectoryArgument);
    if (dataDir.isEmpty()) {
      return Kind.UNKNOWN; // e.g. started with PGDATA: cannot tell whose it is
    }
    if (!sameDirectory(dataDir.get(), pgDir)) {
      return Kind.OTHER_PROCESS;
    }
    // pg_ctl cannot stop a single-user session, and killing one may break what its user is doing
    return pidInFile < 0 ? Kind.UNKNOWN : Kind.POSTGRES_OF_THIS_DIRECTORY;
  }

  private static Optional<Path> dataDirectoryArgument(String[] arguments) {
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].equals("-D") && i + 1 < arguments.length) {
        return Optional.of(Path.of(arguments[i + 1]));
      }
      if (arguments[i].startsWith("-D") && arguments[i].length() > 2) {
        return Optional.of(Path.of(arguments[i].substring(2)));
      }
    }
    return Optional.empty();
  }

  private static boolean sameDirectory(Path a, Path b) {
    if (!a.isAbsolute()) {
      return false; // relative to the other process's working directory, which we cannot see
    }
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  /** pg_ctl's fast shutdown when its binary is still there, else SIGKILL to the postmaster and its backends. */
  private static void stop(ProcessHandle postmaster, Path pgDir, Duration timeout) {
    long started = System.nanoTime();
    log.warn("PostgreSQL (process {}) of an earlier server that ended without stopping it still runs on {}; stopping it",
        postmaster.pid(), pgDir);
    List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().toList());
    processes.add(0, postmaster);
    postmaster.info().command().map(c -> Path.of(c.replace(" (deleted)", "")).resolveSibling("pg_ctl"))
        .filter(Files::isExecutable)
        .ifPresent(pgCtl -> pgCtlStop(pgCtl, pgDir, timeout.multipliedBy(2).dividedBy(3)));
    if (postmaster.isAlive()) {
      processes.forEach(ProcessHandle::destroyForcibly); // the postmaster first, so that it forks no more
    }
    Duration left = timeout.minusNanos(System.nanoTime() - started);
    if (!awaitExit(processes, left.isNegative() ? Duration.ofSeconds(1) : left)) {
      throw new EmbeddedPostgresException(
          "The embedded PostgreSQL cannot start: PostgreSQL (process " + postmaster.pid() + ") of an earlier server still runs on "
              + pgDir + " and could not be stopped.",
          "Stop process " + postmaster.pid() + " (e.g. kill " + postmaster.pid() + "), then start the server again.",
          null);
    }
    log.info("Stopped the earlier PostgreSQL in {} ms; it recovers its data as it starts again",
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private static void pgCtlStop(Path pgCtl, Path pgDir, Duration timeout) {
    List<String> command = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U")); // as zonky starts it: pg_ctl refuses to run as root
    }
    command.addAll(List.of(pgCtl.toString(), "stop", "-D", pgDir.toString(), "-m", "fast", "-w",
        "-t", Long.toString(Math.max(1, timeout.toSeconds()))));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(timeout.toSeconds() + 5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      } else if (process.exitValue() != 0) {
        log.warn("pg_ctl stop ended with {}; stopping PostgreSQL by signal", process.exitValue());
      }
    } catch (IOException e) {
      log.warn("pg_ctl could not be run ({}); stopping PostgreSQL by signal", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
    try {
      CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return processes.stream().noneMatch(ProcessHandle::isAlive);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

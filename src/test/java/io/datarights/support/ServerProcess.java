package io.datarights.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Datarights server in its own JVM, as an operator runs it, for tests that kill it with SIGKILL,
 * run two of them on one database, or put a faulty network between it and PostgreSQL. Its log
 * goes to {@code target/server-logs/<name>.log}.
 */
public final class ServerProcess implements AutoCloseable {

  public static final String ADMIN_ID = "process-admin";
  public static final String ADMIN_SECRET = "process-admin-secret";
  private static final Path LOGS = Path.of("target", "server-logs");

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final Api api;

  private ServerProcess(String name, int port, Process process, Path log, Api api) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.api = api;
  }

  /** Settings every process test wants: quick polling, quick failover, limits out of the way. */
  public static Map<String, String> defaults() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("datarights.bootstrap.client-id", ADMIN_ID);
    settings.put("datarights.bootstrap.client-secret", ADMIN_SECRET);
    settings.put("db-scheduler.polling-interval", "200ms");
    settings.put("db-scheduler.heartbeat-interval", "1s");
    settings.put("db-scheduler.missed-heartbeats-limit", "4");
    settings.put("db-scheduler.shutdown-max-wait", "1s");
    settings.put("datarights.gdpr.first-retry-delay", "200ms");
    settings.put("datarights.gdpr.max-retries", "50");
    settings.put("datarights.rate-limits.actions.gdpr-request-create.per-org", "100000");
    settings.put("datarights.rate-limits.actions.gdpr-request-create.per-client", "100000");
    settings.put("datarights.rate-limits.actions.gdpr-subject-search.per-org", "100000");
    settings.put("datarights.rate-limits.actions.gdpr-subject-search.per-client", "100000");
    settings.put("datarights.db.pool-size", "10");
    return settings;
  }

  /** Starts a server on a free port against the given database and waits until it is healthy. */
  public static ServerProcess start(String name, String jdbcUrl, Path dataDir, Map<String, String> settings) {
    return start(name, jdbcUrl, dataDir, settings, List.of());
  }

  /** As above, with JVM options of the server's own, e.g. {@code -Xmx256m} (the last -Xmx counts). */
  public static ServerProcess start(String name, String jdbcUrl, Path dataDir, Map<String, String> settings, List<String> jvmArgs) {
    return start(name, jdbcUrl, dataDir, settings, jvmArgs, Duration.ofSeconds(120));
  }

  /**
   * The default configuration: no database URL, so the server runs its own PostgreSQL in {@code
   * dataDir/pg}; fails unless healthy within {@code healthyWithin}.
   */
  public static ServerProcess startEmbedded(String name, Path dataDir, Map<String, String> settings, Duration healthyWithin) {
    return start(name, null, dataDir, settings, List.of(), healthyWithin);
  }

  private static ServerProcess start(
      String name, String jdbcUrl, Path dataDir, Map<String, String> settings, List<String> jvmArgs, Duration healthyWithin) {
    int port = freePort();
    return start(name, port, jdbcUrl, dataDir, settings, jvmArgs, Api.at(port), healthyWithin);
  }

  /**
   * A server that speaks HTTPS only (Spring Boot's {@code server.ssl.*} with the given
   * certificate), reached as {@code https://<host>:<port>}; the host must resolve to loopback.
   */
  public static ServerProcess startHttps(
      String name, String jdbcUrl, Path dataDir, Map<String, String> settings, TestCertificate certificate, String host) {
    int port = freePort();
    Map<String, String> all = new LinkedHashMap<>(settings);
    all.putAll(certificate.serverSettings());
    HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext()).connectTimeout(Duration.ofSeconds(10)).build();
    // It runs in the normal build, beside the in-JVM tests: a loaded machine may take its time.
    return start(name, port, jdbcUrl, dataDir, all, List.of(), Api.at("https://" + host + ":" + port, client), Duration.ofMinutes(5));
  }

  private static ServerProcess start(
      String name, int port, String jdbcUrl, Path dataDir, Map<String, String> settings, List<String> jvmArgs, Api api,
      Duration startTimeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-Duser.timezone=Pacific/Chatham"));
    command.addAll(jvmArgs);
    // e.g. -Dserver.jvm-args=-XX:StartFlightRecording=filename=target/search.jfr to profile a run
    String extra = System.getProperty("server.jvm-args", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.split(" ")));
    }
    command.addAll(List.of("-cp", applicationClassPath(), "io.datarights.DatarightsApplication"));
    command.add("--server.port=" + port);
    if (jdbcUrl != null) {
      command.add("--datarights.db.url=" + jdbcUrl);
      command.add("--datarights.db.user=postgres");
    }
    command.add("--datarights.data-dir=" + dataDir);
    settings.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      if (jdbcUrl == null) {
        builder.environment().remove("DATARIGHTS_DB_URL");
      }
      Process process = builder.start();
      ServerProcess server = new ServerProcess(name, port, process, log, api);
      server.awaitHealthy(startTimeout);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command of the jar (e.g. {@code demo-data}) on the given database and waits for it. */
  public static void runCommand(String name, String jdbcUrl, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx1g", "-cp", applicationClassPath(), "io.datarights.DatarightsApplication"));
    command.addAll(List.of(args));
    command.add("--spring-arg=--datarights.db.url=" + jdbcUrl);
    command.add("--spring-arg=--datarights.db.user=postgres");
    try {
      Files.createDirectories(LOGS);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(LOGS.resolve(name + ".log").toFile())).start();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + LOGS.resolve(name + ".log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The application's classes and libraries, without the tests' own classes and test beans. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server " + name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        // Healthy, and bootstrapped: the admin client is created just after the server is up.
        if (api.get("/actuator/health").status() == 200 && api.tokenResponse(ADMIN_ID, ADMIN_SECRET, "grant_type=client_credentials").status() == 200) {
          return;
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException("server " + name + " not healthy within " + timeout + ":\n" + logTail());
  }

  public int port() {
    return port;
  }

  /** The server without a token: {@code http://localhost:<port>}, or its HTTPS base. */
  public Api api() {
    return api;
  }

  public Api admin() {
    return api.withToken(api.token(ADMIN_ID, ADMIN_SECRET));
  }

  /** The server JVM's process id. */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no connection closed politely, nothing flushed. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
      }
    }
  }
}

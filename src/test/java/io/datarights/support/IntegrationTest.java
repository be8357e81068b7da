package io.datarights.support;

import io.datarights.organizations.internal.Bootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that drive the whole service over real HTTP, against the JVM's one embedded
 * PostgreSQL. Tables are emptied before each test and the bootstrap org is created anew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(IntegrationTest.TestBeans.class)
public abstract class IntegrationTest {

  public static final String ADMIN_ID = "test-platform-admin";
  public static final String ADMIN_SECRET = "test-platform-admin-secret";
  /** Above the default (100), so that one test can file a merge set of 400. */
  public static final int MAX_MERGE_SET_FAN_OUT = 400;

  /** Tables whose rows outlive a test: migrations and the token signing key. */
  private static final List<String> KEPT_TABLES = List.of("flyway_schema_history", "signing_keys", "platform_secrets");

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected MutableClock clock;
  @Autowired protected Bootstrap bootstrap;
  @Autowired protected GateService gate;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("datarights.db.url", TestDatabase::jdbcUrl);
    registry.add("datarights.db.user", () -> "postgres");
    registry.add("datarights.db.pool-size", () -> "5");
    registry.add("datarights.bootstrap.client-id", () -> ADMIN_ID);
    registry.add("datarights.bootstrap.client-secret", () -> ADMIN_SECRET);
    registry.add("datarights.data-dir", IntegrationTest::dataDir);
    registry.add("db-scheduler.polling-interval", () -> "200ms");
    registry.add("datarights.gdpr.first-retry-delay", () -> "200ms");
    registry.add("datarights.gdpr.max-retries", () -> "3");
    registry.add("datarights.gdpr.max-merge-set-fan-out", () -> String.valueOf(MAX_MERGE_SET_FAN_OUT));
    registry.add("datarights.recipients.first-retry-delay", () -> "200ms");
    registry.add("datarights.recipients.max-retries", () -> "3");
    // Test webhook receivers listen on 127.0.0.1, which is refused unless allowed (only that address).
    registry.add("datarights.egress.allowed-ranges", () -> "127.0.0.1/32");
  }

  /**
   * Test-only beans. Every integration test shares this one configuration, so that one Spring
   * context (and one db-scheduler) serves them all.
   */
  private static Path dataDir;

  /** Blobs and export packages of the test JVM, in a fresh temporary directory. */
  static synchronized String dataDir() {
    try {
      if (dataDir == null) {
        dataDir = Files.createTempDirectory("datarights-test-data");
      }
      return dataDir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class TestBeans {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }

    @Bean
    GateService gateService() {
      return new GateService();
    }

    @Bean
    FailingEndpoint failingEndpoint() {
      return new FailingEndpoint();
    }
  }

  @BeforeEach
  void resetState() {
    gate.open();
    clock.set(Instant.now());
    List<String> tables =
        jdbc.sql("select tablename from pg_tables where schemaname = 'public'").query(String.class).list().stream()
            .filter(t -> !KEPT_TABLES.contains(t))
            .toList();
    if (!tables.isEmpty()) {
      truncate(tables);
    }
    bootstrap.ensureBootstrapped();
  }

  /** Steps of the previous test may still be finishing on the scheduler's threads: retry on deadlock. */
  private void truncate(List<String> tables) {
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.sql("truncate table " + String.join(", ", tables) + " cascade").update();
        return;
      } catch (org.springframework.dao.PessimisticLockingFailureException e) {
        if (attempt == 10) {
          throw e;
        }
      }
    }
  }

  protected Api anonymous() {
    return Api.at(port);
  }

  protected Api admin() {
    return Api.at(port).withToken(Api.at(port).token(ADMIN_ID, ADMIN_SECRET));
  }

  /** A new organization with its first (all-permissions) client, as the platform admin creates it. */
  protected Tenant newTenant(String name) {
    Api.Response created = admin().post("/api/v2/admin/organizations", Map.of("name", name, "defaultRegion", "DE"));
    if (created.status() != 201) {
      throw new AssertionError("could not create org: " + created);
    }
    var client = created.json().get("client");
    String id = client.get("id").asText();
    String secret = client.get("secret").asText();
    return new Tenant(
        created.json().get("organization").get("id").asText(), id, secret, Api.at(port).withToken(Api.at(port).token(id, secret)));
  }

  /** A new token for the tenant's first client, for tests that move the clock past a token's life. */
  protected Api fresh(Tenant tenant) {
    return anonymous().withToken(anonymous().token(tenant.clientId(), tenant.clientSecret()));
  }

  /** An org and an API client authenticated as its first client. */
  public record Tenant(String orgId, String clientId, String clientSecret, Api api) {}

  protected long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}

package io.datarights.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datarights.DatarightsApplication;
import io.datarights.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The default configuration: no database URL, so the server runs its own PostgreSQL. */
class EmbeddedDatabaseTest {

  @TempDir Path dataDir;

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(DatarightsApplication.class)
        .run(
            "--server.port=0",
            "--datarights.data-dir=" + dataDir,
            "--datarights.bootstrap.client-id=admin",
            "--datarights.bootstrap.client-secret=admin-secret");
  }

  private static Api api(ConfigurableApplicationContext context) {
    return Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
  }

  @Test
  void keepsOrgsClientsAndTokensAcrossARestartOnTheSameDataDir() {
    String clientId;
    String secret;
    String token;
    try (var first = start()) {
      Api api = api(first);
      Api admin = api.withToken(api.token("admin", "admin-secret"));
      var created = admin.post("/api/v2/admin/organizations", Map.of("name", "Acme"));
      assertThat(created.status()).isEqualTo(201);
      clientId = created.json().get("client").get("id").asText();
      secret = created.json().get("client").get("secret").asText();
      token = api.token(clientId, secret);
    }
    assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();

    try (var second = start()) {
      Api api = api(second);
      assertThat(api.withToken(token).get("/api/v2/organizations/me").json().get("name").asText())
          .as("a token issued before the restart is still valid: the signing key is persisted")
          .isEqualTo("Acme");
      String freshToken = api.token(clientId, secret);
      assertThat(api.withToken(freshToken).get("/api/v2/organizations/me").status()).isEqualTo(200);
    }
  }

  @Test
  void theEmbeddedDatabaseCommitsDurably() {
    try (var server = start()) {
      JdbcClient jdbc = JdbcClient.create(server.getBean(DataSource.class));
      assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
      assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
    }
  }

  @Test
  void aSecondServerOnTheSameDataDirFailsWithAClearMessage() {
    try (var first = start()) {
      assertThatThrownBy(this::start)
          .rootCause()
          .hasMessageContaining("is in use by another Datarights server");
      Api api = api(first);
      assertThat(api.get("/actuator/health").json().get("status").asText())
          .as("the first server is unharmed")
          .isEqualTo("UP");
    }
  }
}

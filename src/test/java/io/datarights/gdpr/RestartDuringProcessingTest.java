package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.DatarightsApplication;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Requests are durable: a server stopped in the middle of one finishes it after its restart. */
@Tag("slow")
class RestartDuringProcessingTest {

  @TempDir Path dataDir;

  @Configuration(proxyBeanMethods = false)
  static class WithGate {
    @Bean
    GateService gateService() {
      return new GateService();
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(DatarightsApplication.class, WithGate.class)
        .run(
            "--server.port=0",
            "--datarights.data-dir=" + dataDir,
            "--datarights.bootstrap.client-id=admin",
            "--datarights.bootstrap.client-secret=admin-secret",
            "--db-scheduler.polling-interval=200ms",
            "--db-scheduler.heartbeat-interval=1s",
            "--db-scheduler.missed-heartbeats-limit=4",
            "--db-scheduler.shutdown-max-wait=1s",
            "--datarights.gdpr.first-retry-delay=200ms");
  }

  private static Api admin(ConfigurableApplicationContext context) {
    Api api = Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    return api.withToken(api.token("admin", "admin-secret"));
  }

  @Test
  void aRequestInterruptedByARestartCompletesAfterIt() {
    String id;
    try (var first = start()) {
      first.getBean(GateService.class).close();
      Api api = admin(first);
      id =
          api.post(
                  "/api/v2/gdpr/requests?deleteConfirmed=true",
                  Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("jane@example.com"))))
              .json().get("id").asText();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("DELETING"));
      // The server stops here, its gate step still waiting: the request is not finished.
    }

    try (var second = start()) {
      Api api = admin(second);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
      var request = api.get("/api/v2/gdpr/requests/" + id).json();
      assertThat(request.get("services").findValuesAsText("status")).containsOnly("DONE");
      assertThat(request.get("verifiedErased").asBoolean()).isTrue();
    }
  }
}

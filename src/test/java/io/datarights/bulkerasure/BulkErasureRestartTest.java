package io.datarights.bulkerasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.DatarightsApplication;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import io.datarights.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A bulk erasure is durable: a server stopped in the middle of one finishes it after its restart. */
@Tag("slow")
class BulkErasureRestartTest {

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
            "--datarights.gdpr.first-retry-delay=200ms",
            "--datarights.gdpr.bulk-erasure-chunk-size=2");
  }

  private static Api admin(ConfigurableApplicationContext context) {
    Api api = Api.at(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    return api.withToken(api.token("admin", "admin-secret"));
  }

  @Test
  void aBulkErasureInterruptedByARestartCompletesAfterIt() {
    String id;
    try (var first = start()) {
      Api api = admin(first);
      for (String email : new String[] {"a@example.com", "b@example.com", "c@example.com"}) {
        api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", "X", "workEmail", email));
      }
      first.getBean(GateService.class).close();
      String csv = "type,value\nEMAIL,a@example.com\nEMAIL,b@example.com\nEMAIL,c@example.com\n";
      id = Multipart.upload(api, "/api/v2/gdpr/bulk-erasures?deleteConfirmed=true", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
          .json().get("id").asText();
      await().atMost(Duration.ofSeconds(30))
          .until(() -> api.get("/api/v2/gdpr/bulk-erasures/" + id).json().get("progress").get("stepsDone").asInt() > 0);
      // The server stops here: the gate's steps still wait, the job is not finished.
    }

    try (var second = start()) {
      Api api = admin(second);
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> api.get("/api/v2/gdpr/bulk-erasures/" + id).json().get("status").asText().equals("COMPLETED"));
      var job = api.get("/api/v2/gdpr/bulk-erasures/" + id).json();
      assertThat(job.get("verifiedErased").asBoolean()).isTrue();
      assertThat(job.get("progress").get("chunksVerified").asInt()).isEqualTo(2);
      assertThat(job.get("services").findValuesAsText("status")).containsOnly("DONE");
      assertThat(api.get("/api/v2/externalcontacts/contacts").json().get("total").asLong()).isZero();
    }
  }
}

package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datarights.support.Api;
import io.datarights.support.ServerProcess;
import io.datarights.support.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request starts as soon as it is filed, not when the scheduler next polls the database: with
 * the polling interval set to a minute, requests still complete within seconds.
 */
@Tag("slow")
class ImmediateStartTest {

  @TempDir Path dataDir;

  @Test
  void aFiledRequestRunsAtOnceNotAtTheNextPoll() {
    Map<String, String> settings = ServerProcess.defaults();
    settings.put("db-scheduler.polling-interval", "60s");
    try (ServerProcess server = ServerProcess.start("immediate-start", TestDatabase.newDatabase("immediate_start"), dataDir, settings)) {
      Api admin = server.admin();
      for (int i = 0; i < 3; i++) {
        String email = "someone" + i + "@example.com";
        assertThat(admin.post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Some", "lastName", "One", "workEmail", email)).status())
            .isEqualTo(201);
        String id = admin.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of(email))))
            .json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
            .until(() -> admin.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
      }
    }
  }
}

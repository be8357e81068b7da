package io.datarights;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class HealthAndMetricsTest extends IntegrationTest {

  @Test
  void healthIsUpWithoutAToken() {
    var response = anonymous().get("/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusMetricsIncludeHttpAndPoolFigures() {
    admin().get("/api/v2/organizations/me");

    var response = anonymous().get("/actuator/prometheus");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.text()).contains("http_server_requests_seconds").contains("hikaricp_connections");
  }

  @Test
  void otherActuatorEndpointsAreNotExposed() {
    assertThat(admin().get("/actuator/env").status()).isEqualTo(404);
  }
}

package io.datarights;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class ApiDocumentationTest extends IntegrationTest {

  @Test
  void theOpenApiDocumentDescribesTheGdprEndpointsWithoutAToken() {
    var doc = anonymous().get("/api/v2/docs/openapi.json");

    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.json().get("paths").has("/api/v2/gdpr/requests")).isTrue();
    assertThat(doc.json().get("paths").has("/api/v2/gdpr/subjects")).isTrue();
    assertThat(doc.json().get("components").get("securitySchemes").has("bearer")).isTrue();
  }

  @Test
  void swaggerUiIsServed() {
    var redirect = anonymous().get("/api/v2/docs");
    assertThat(redirect.status()).isEqualTo(302);
    String location = redirect.header("Location");
    var ui = anonymous().get(location.startsWith("http") ? location.substring(location.indexOf("/", 8)) : location);

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).contains("Swagger UI");
  }
}

package io.datarights.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ErrorHandlingTest extends IntegrationTest {

  @Test
  void anUnexpectedFailureIs500WithoutInternalsAndItsContextIdIsInTheLog(CapturedOutput log) {
    Api.Response response = admin().get("/api/v2/test/failure");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.text()).doesNotContain("secret_table").doesNotContain("IllegalStateException").doesNotContain("at io.");
    String contextId = response.json().get("contextId").asText();
    assertThat(contextId).isNotBlank().isEqualTo(response.header("ININ-Correlation-Id"));
    assertThat(log.getOut().lines().filter(line -> line.contains(contextId) && line.contains("Unexpected failure")))
        .as("the log line of the failure carries the contextId of the error body")
        .isNotEmpty();
  }

  @Test
  void everyErrorHasTheGenesysShape() {
    Api.Response response = anonymous().get("/api/v2/organizations/me");

    assertThat(response.json().fieldNames()).toIterable()
        .contains("status", "code", "message", "messageWithParams", "messageParams", "contextId", "details", "errors");
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void anUnknownPathIs404() {
    Api.Response response = admin().get("/api/v2/no/such/thing");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().get("code").asText()).isEqualTo("not.found");
  }

  @Test
  void anUnsupportedContentTypeIs415() {
    Api.Response response = admin().send("POST", "/api/v2/oauth/clients", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(415);
    assertThat(response.json().get("code").asText()).isEqualTo("unsupported.media.type");
  }

  @Test
  void aBodyOverTheLimitIs413AndWritesNothing() {
    long before = count("oauth_clients");
    String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"permissions\":[\"gdpr:request:view\"]}";

    Api.Response response = admin().post("/api/v2/oauth/clients", huge);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("code").asText()).isEqualTo("request.entity.too.large");
    assertThat(count("oauth_clients")).isEqualTo(before);
  }

  @Test
  void aValueOfTheWrongTypeNamesTheField() {
    Api.Response response = admin().post("/api/v2/oauth/clients", Map.of("name", "x", "permissions", Map.of("a", 1)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("permissions");
  }
}

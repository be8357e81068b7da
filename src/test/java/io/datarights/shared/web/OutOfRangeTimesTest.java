package io.datarights.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Times Java reads but no timestamp column holds (years up to ±999,999,999) are a 400 naming the
 * field, read from the body before anything is stored; the fuzzer once found one as a 500.
 */
class OutOfRangeTimesTest extends IntegrationTest {

  private static final List<String> OUT_OF_RANGE =
      List.of("+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z");

  private static Map<String, Object> conversation(String field, String time) {
    Map<String, Object> body = new java.util.HashMap<>(Map.of(
        "mediaType", "email",
        "startTime", "2024-03-02T09:00:00Z",
        "participants", List.of(Map.of("purpose", "customer", "name", "Erika Mustermann", "address", "erika@example.com"))));
    body.put(field, time);
    return body;
  }

  @Test
  void aConversationTimeOutsideTheYearsOneToNineThousandNineHundredNinetyNineIsRefusedNamingTheFieldAndNothingIsStored() {
    Api api = newTenant("Acme").api();
    for (String field : List.of("startTime", "endTime")) {
      for (String time : OUT_OF_RANGE) {
        Api.Response response = api.post("/api/v2/conversations", conversation(field, time));
        assertThat(response.status()).as(field + " = " + time + ": " + response).isEqualTo(400);
        JsonNode body = response.json();
        assertThat(body.get("code").asText()).isEqualTo("invalid.value");
        assertThat(body.get("message").asText()).contains(field).contains("between the years 1 and 9999");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("java.");
      }
    }
    assertThat(jdbc.sql("select count(*) from conversations").query(Long.class).single()).isZero();

    Api.Response edge = api.post("/api/v2/conversations", conversation("endTime", "9999-12-31T23:59:59Z"));
    assertThat(edge.status()).as(edge.toString()).isEqualTo(201);
  }
}

package io.datarights.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.Multipart;
import io.datarights.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Data and checks the process-level reliability tests share. */
final class ReliabilityFixtures {

  private ReliabilityFixtures() {}

  /** An org's first client, usable against any server of the same database. */
  record OrgClient(String id, String secret) {
    Api on(ServerProcess server) {
      return server.api().withToken(server.api().token(id, secret));
    }
  }

  /** An org made by the platform admin, with its first (all-permissions) client. */
  static OrgClient newOrg(ServerProcess server, String name) {
    Api.Response created = server.admin().post("/api/v2/admin/organizations", Map.of("name", name, "defaultRegion", "DE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    JsonNode client = created.json().get("client");
    return new OrgClient(client.get("id").asText(), client.get("secret").asText());
  }

  static String id(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isIn(200, 201, 202);
    return response.json().get("id").asText();
  }

  /**
   * A dialer contact list with {@code subjectRows} contacts of one person (one e-mail, as a list
   * imported again and again would hold them) and {@code bystanderRows} of other people.
   */
  static String importList(Api api, String name, String subjectEmail, int subjectRows, String bystanderPrefix, int bystanderRows) {
    String list = id(api.post("/api/v2/outbound/contactlists", Map.of(
        "name", name,
        "columnNames", List.of("firstName", "lastName", "phone", "email"),
        "phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell")),
        "emailColumns", List.of(Map.of("columnName", "email", "type", "personal")))));
    StringBuilder csv = new StringBuilder("firstName,lastName,phone,email\n");
    for (int i = 0; i < subjectRows; i++) {
      csv.append("Erika,Mustermann,+49 171 ").append(String.format("%07d", i % 1000)).append(',').append(subjectEmail).append('\n');
    }
    for (int i = 0; i < bystanderRows; i++) {
      csv.append("Max,Muster").append(i).append(",+49 160 ").append(String.format("%07d", i)).append(',')
          .append(bystanderPrefix).append(i).append("@example.org\n");
    }
    Api.Response imported = Multipart.upload(api, "/api/v2/outbound/contactlists/" + list + "/contacts/import", "contacts.csv", "text/csv",
        csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    return list;
  }

  static String fileDelete(Api api, String email) {
    return id(api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of(email)))));
  }

  static JsonNode awaitFinished(Api api, String requestId, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .until(() -> Set.of("COMPLETED", "ERROR").contains(api.get("/api/v2/gdpr/requests/" + requestId).json().get("status").asText()));
    return api.get("/api/v2/gdpr/requests/" + requestId).json();
  }

  static int subjectsFound(Api api, String email) {
    return api.get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=" + email).json().get("entities").size();
  }
}

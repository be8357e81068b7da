package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * An export package does not outlive the erasure of its subject: completing the erasure deletes the
 * package (found by the records it holds, whichever identifier either request named), its link
 * answers 410, and the erasure counts it.
 */
class ErasedExportPackagesTest extends IntegrationTest {

  @Value("${datarights.data-dir}") String dataDir;

  private static String contact(Api api, String firstName, String email) {
    Api.Response created = api.post("/api/v2/externalcontacts/contacts", Map.of("firstName", firstName, "lastName", "Doe", "workEmail", email));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static String file(Api api, String type, Map<String, Object> subject) {
    String query = type.equals("GDPR_DELETE") ? "?deleteConfirmed=true" : "";
    Api.Response filed = api.post("/api/v2/gdpr/requests" + query, Map.of("requestType", type, "subject", subject));
    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    return filed.json().get("id").asText();
  }

  private static JsonNode completed(Api api, String id) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/api/v2"));
  }

  private String blobOf(String requestId) {
    return jdbc.sql("select results_blob from gdpr_requests where request_id = :id::uuid").param("id", requestId).query(String.class).single();
  }

  /** The export packages (and parts) on disk for the org. */
  private List<String> exportFiles(Tenant tenant) throws IOException {
    Path org = Path.of(dataDir, "blobs", tenant.orgId());
    if (!Files.isDirectory(org)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(org)) {
      return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("export")).sorted().toList();
    }
  }

  @Test
  void erasingTheSubjectByAnotherIdentifierDeletesItsEarlierExportPackageAndItsLinkAnswers410() throws IOException {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String jane = contact(api, "Jane", "jane@example.com");
    contact(api, "Max", "max@example.com");
    JsonNode janesExport = completed(api, file(api, "GDPR_EXPORT", Map.of("emailAddresses", List.of("jane@example.com"))));
    JsonNode maxsExport = completed(api, file(api, "GDPR_EXPORT", Map.of("emailAddresses", List.of("max@example.com"))));
    String janesLink = path(janesExport.get("resultsUrl").asText());
    String maxsLink = path(maxsExport.get("resultsUrl").asText());
    String janesPackage = blobOf(janesExport.get("id").asText());
    assertThat(anonymous().get(janesLink).status()).isEqualTo(200);
    assertThat(exportFiles(acme)).contains(janesPackage).hasSize(2);

    JsonNode erasure = completed(api, file(api, "GDPR_DELETE", Map.of("externalContactId", jane)));

    Api.Response gone = anonymous().get(janesLink);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.json().get("code").asText()).isEqualTo("results.erased");
    assertThat(gone.json().get("status").asInt()).isEqualTo(410);
    assertThat(exportFiles(acme)).as("the package file is gone from the data directory").doesNotContain(janesPackage).hasSize(1);
    assertThat(erasure.get("verifiedErased").asBoolean()).isTrue();
    assertThat(erasure.get("packagesDeleted").asInt()).isEqualTo(1);
    JsonNode exportAfter = api.get("/api/v2/gdpr/requests/" + janesExport.get("id").asText()).json();
    assertThat(exportAfter.has("resultsUrl")).isFalse();
    assertThat(anonymous().get(maxsLink).status()).as("another person's export is untouched").isEqualTo(200);
    List<Map<String, Object>> audited =
        jdbc.sql("select target_id, details::text as details from audit_log where action = 'gdpr.export.package.erased'").query().listOfRows();
    assertThat(audited).hasSize(1);
    assertThat(audited.get(0).get("target_id")).isEqualTo(janesExport.get("id").asText());
    assertThat(audited.get(0).get("details").toString()).contains(erasure.get("id").asText()).doesNotContain("jane").doesNotContain("Jane");
  }

  @Test
  void anErasureThatMatchesNoPackagedRecordDeletesNoPackage() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    contact(api, "Jane", "jane@example.com");
    contact(api, "Max", "max@example.com");
    JsonNode janesExport = completed(api, file(api, "GDPR_EXPORT", Map.of("emailAddresses", List.of("jane@example.com"))));

    JsonNode erasure = completed(api, file(api, "GDPR_DELETE", Map.of("emailAddresses", List.of("max@example.com"))));

    assertThat(erasure.get("packagesDeleted").asInt()).isZero();
    assertThat(anonymous().get(path(janesExport.get("resultsUrl").asText())).status()).isEqualTo(200);
  }

  @Test
  void anExportStillRunningWhenItsSubjectIsErasedEndsWithoutAPackage() throws IOException {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String jane = contact(api, "Jane", "jane@example.com");
    gate.close(); // both requests wait in the test gate's step after their other services are done
    String export = file(api, "GDPR_EXPORT", Map.of("emailAddresses", List.of("jane@example.com")));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + export).json().get("services").toString()
            .contains("{\"name\":\"externalContacts\",\"status\":\"DONE\""));
    String erasure = file(api, "GDPR_DELETE", Map.of("externalContactId", jane));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + erasure).json().get("services").toString()
            .contains("{\"name\":\"externalContacts\",\"status\":\"DONE\""));
    gate.open();

    JsonNode erased = completed(api, erasure);
    JsonNode exported = completed(api, export);

    assertThat(exported.has("resultsUrl")).as("whichever finished first, no package is handed out").isFalse();
    assertThat(erased.get("packagesDeleted").asInt()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> exportFiles(acme).isEmpty());
  }
}

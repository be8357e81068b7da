package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.database.DatabaseProperties;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What {@code ExportPackageTest} leaves open about signed export links: every refusal carries the
 * Genesys error body; links missing a part, for unknown requests or with a forged far-future expiry
 * are refused (the id of no request as a wrong signature is, so links reveal no ids); and at expiry
 * the package file itself is gone from disk, the request no longer shows a link, and the old link
 * keeps answering 410.
 */
class ExpiredExportLinksTest extends IntegrationTest {

  @Autowired ExpiredPackages expiredPackages;
  @Autowired DatabaseProperties.DataDir dataDir;

  private JsonNode completedExport(Tenant tenant) {
    String id = tenant.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jane Doe")))
        .json().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return tenant.api().get("/api/v2/gdpr/requests/" + id).json();
  }

  private static String path(String url) {
    return url.substring(url.indexOf("/api/v2"));
  }

  private static void assertRefused(Api.Response response, int status, String code) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
    assertThat(body.get("contextId").asText()).isNotBlank();
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.text()).doesNotContain("Exception").doesNotContain("export_").doesNotContain("blob");
  }

  @Test
  void everyRefusedLinkCarriesTheErrorBodyAndNoneOpensAPackage() {
    Tenant acme = newTenant("Acme");
    String link = path(completedExport(acme).get("resultsUrl").asText());
    String base = link.substring(0, link.indexOf('?'));
    String expires = link.replaceAll(".*expires=(\\d+).*", "$1");
    String signature = link.replaceAll(".*signature=([^&]+).*", "$1");
    long farFuture = Long.parseLong(expires) + 3_650L * 24 * 3600;

    assertRefused(anonymous().get(base), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?expires=" + expires), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?signature=" + signature), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?expires=" + farFuture + "&signature=" + signature), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?expires=" + expires + "&signature=" + signature.toUpperCase()), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?expires=" + expires + "&signature="), 403, "link.invalid");
    assertRefused(anonymous().get(base + "?expires=-1&signature=" + signature), 403, "link.invalid");
    assertRefused(anonymous().get("/api/v2/gdpr/requests/" + UUID.randomUUID() + "/results?expires=" + expires + "&signature=" + signature),
        403, "link.invalid");
    assertRefused(anonymous().get("/api/v2/gdpr/requests/not-a-uuid/results?expires=" + expires + "&signature=" + signature), 404, "not.found");
    assertThat(anonymous().get(link).status()).isEqualTo(200);
  }

  @Test
  void atExpiryThePackageFileIsDeletedFromDiskAndTheLinkAnswers404() throws Exception {
    Tenant acme = newTenant("Acme");
    JsonNode request = completedExport(acme);
    String link = path(request.get("resultsUrl").asText());
    String blob = jdbc.sql("select results_blob from gdpr_requests where request_id = :id::uuid")
        .param("id", request.get("id").asText()).query(String.class).single();
    Path file = dataDir.dataDir().resolve("blobs").resolve(acme.orgId()).resolve(blob);
    assertThat(file).exists();
    assertThat(anonymous().get(link).status()).isEqualTo(200);

    clock.advance(Duration.ofDays(7).minusMinutes(1));
    assertThat(expiredPackages.deleteExpired()).as("not yet expired").isZero();
    assertThat(file).exists();
    assertThat(anonymous().get(link).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(2));
    assertRefused(anonymous().get(link), 410, "link.expired");
    assertThat(expiredPackages.deleteExpired()).isEqualTo(1);

    assertThat(file).doesNotExist();
    try (var left = Files.list(file.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).noneMatch(name -> name.startsWith("export_"));
    }
    assertRefused(anonymous().get(link), 410, "link.expired");
    Api api = fresh(acme);
    JsonNode after = api.get("/api/v2/gdpr/requests/" + request.get("id").asText()).json();
    assertThat(after.has("resultsUrl")).isFalse();
    assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(expiredPackages.deleteExpired()).as("a second run finds nothing").isZero();
  }
}

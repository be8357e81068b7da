package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datarights.support.Api;
import io.datarights.support.GateService;
import io.datarights.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExportPackageTest extends IntegrationTest {

  @Autowired ExpiredPackages expiredPackages;

  private JsonNode completedExport(Tenant tenant) {
    String id =
        tenant.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("name", "Jane Doe")))
            .json().get("id").asText();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return tenant.api().get("/api/v2/gdpr/requests/" + id).json();
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void aCompletedExportHasASignedLinkToAZipWithManifestReportAndAFilePairPerService() throws IOException {
    Tenant acme = newTenant("Acme");

    JsonNode request = completedExport(acme);
    String url = request.get("resultsUrl").asText();
    assertThat(url).contains("/results?expires=").contains("&signature=");
    assertThat(request.get("resultsUrls").get(0).asText()).isEqualTo(url);

    Api.Response download = anonymous().get(url.substring(url.indexOf("/api/v2")));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).isEqualTo("application/zip");
    Map<String, byte[]> entries = unzip(download.raw().body());
    assertThat(entries).containsKeys("manifest.json", "report.html", GateService.NAME + ".json", GateService.NAME + ".csv");
    JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
    assertThat(manifest.get("controller").asText()).isEqualTo("Acme");
    assertThat(manifest.get("request").get("id").asText()).isEqualTo(request.get("id").asText());
    assertThat(manifest.get("rights").toString()).contains("Art. 77");
    assertThat(new String(entries.get("report.html"))).contains("Acme").contains("<table>");
  }

  @Test
  void anAlteredOrExpiredLinkIsRefusedAndExpiredPackagesAreDeleted() {
    Tenant acme = newTenant("Acme");
    String url = completedExport(acme).get("resultsUrl").asText();
    String path = url.substring(url.indexOf("/api/v2"));
    String tampered = path.replaceFirst("expires=(\\d+)", "expires=9$1");

    assertThat(anonymous().get(tampered).status()).isEqualTo(403);
    assertThat(anonymous().get(path.replaceAll("signature=.*", "signature=AAAA")).status()).isEqualTo(403);

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    Api.Response expired = anonymous().get(path);
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.json().get("code").asText()).isEqualTo("link.expired");
    assertThat(expiredPackages.deleteExpired()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from gdpr_requests where results_blob is not null").query(Long.class).single()).isZero();
    assertThat(expiredPackages.deleteExpired()).isZero();
  }

  @Test
  void aLinkNeverOpensAnotherRequestsPackage() {
    Tenant acme = newTenant("Acme");
    String first = completedExport(acme).get("resultsUrl").asText();
    JsonNode second = completedExport(acme);
    String forged = first.replaceAll("requests/[^/]+/results", "requests/" + second.get("id").asText() + "/results");

    assertThat(anonymous().get(forged.substring(forged.indexOf("/api/v2"))).status()).isEqualTo(403);
  }

}

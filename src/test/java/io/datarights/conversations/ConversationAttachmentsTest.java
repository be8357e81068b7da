package io.datarights.conversations;

import static io.datarights.conversations.Samples.AGENT;
import static io.datarights.conversations.Samples.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.database.DatabaseProperties;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import io.datarights.support.Multipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationAttachmentsTest extends IntegrationTest {

  private static final String PATH = "/api/v2/conversations";
  private static final int DEFAULT_LIMIT = 25 * 1024 * 1024;

  @Autowired DatabaseProperties.DataDir dataDir;

  private final List<Tenant> tenants = new ArrayList<>();

  @Test
  void anUploadedFileComesBackByteForByteWithItsChecksum() throws Exception {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);
    byte[] photo = randomBytes(200_000);

    Api.Response uploaded =
        Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "damage.jpg", "image/jpeg", photo, Map.of("participantId", CUSTOMER));

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    JsonNode meta = uploaded.json();
    String attachmentId = meta.get("id").asText();
    assertThat(meta.get("participantId").asText()).isEqualTo(CUSTOMER);
    assertThat(meta.get("kind").asText()).isEqualTo("attachment");
    assertThat(meta.get("fileName").asText()).isEqualTo("damage.jpg");
    assertThat(meta.get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(meta.get("size").asLong()).isEqualTo(photo.length);
    assertThat(meta.get("sha256").asText()).isEqualTo(sha256(photo));
    assertThat(meta.get("selfUri").asText()).isEqualTo(PATH + "/" + id + "/attachments/" + attachmentId);
    assertThat(acme.api().get(meta.get("selfUri").asText()).json()).isEqualTo(meta);
    assertThat(acme.api().get(PATH + "/" + id).json().get("attachments").get(0)).isEqualTo(meta);

    Api.Response content = acme.api().get(PATH + "/" + id + "/attachments/" + attachmentId + "/content");

    assertThat(content.status()).isEqualTo(200);
    assertThat(content.header("Content-Type")).isEqualTo("image/jpeg");
    assertThat(content.header("Content-Disposition")).isEqualTo("attachment; filename=\"damage.jpg\"");
    assertThat(sha256(content.raw().body())).isEqualTo(sha256(photo));
    assertThat(blobFiles(acme)).hasSize(1);
  }

  @Test
  void aRecordingOfTheWholeCallNeedsNoParticipant() {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);

    Api.Response uploaded =
        Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "call.wav", "audio/wav", new byte[] {1, 2, 3}, Map.of("kind", "recording"));

    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.json().get("kind").asText()).isEqualTo("recording");
    assertThat(uploaded.json().has("participantId")).isFalse();
  }

  @Test
  void theClientsFileNameIsOnlyMetadataAndTheDownloadNameIsSafe() throws IOException {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);

    Api.Response uploaded =
        Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "../../etc/pass\"wd;x.html", "text/html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

    assertThat(uploaded.status()).isEqualTo(201);
    assertThat(uploaded.json().get("fileName").asText()).isEqualTo("../../etc/pass\"wd;x.html");
    Api.Response content = acme.api().get(uploaded.json().get("selfUri").asText() + "/content");
    assertThat(content.header("Content-Disposition")).isEqualTo("attachment; filename=\"pass_wd_x.html\"");
    assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
    try (Stream<Path> files = Files.list(orgBlobs(acme))) {
      assertThat(files.map(f -> f.getFileName().toString()).toList()).singleElement().asString().matches("attachment_[0-9a-f]{32}");
    }
  }

  @Test
  void aNonAsciiFileNameIsEncodedForTheHeader() {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);

    Api.Response uploaded = Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "Rechnung März.pdf", "application/pdf", new byte[] {1});
    Api.Response content = acme.api().get(uploaded.json().get("selfUri").asText() + "/content");

    assertThat(uploaded.json().get("fileName").asText()).isEqualTo("Rechnung März.pdf");
    assertThat(content.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
  }

  @Test
  void aFileOverTheLimitIs413AndNothingIsStored() throws IOException {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);
    long rows = count("conversation_attachments");

    Api.Response response =
        Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "huge.bin", "application/octet-stream", new byte[DEFAULT_LIMIT + 1]);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().get("code").asText()).isEqualTo("request.entity.too.large");
    assertThat(response.json().get("message").asText()).contains(Integer.toString(DEFAULT_LIMIT));
    assertThat(response.json().get("contextId").asText()).isNotBlank();
    assertThat(count("conversation_attachments")).isEqualTo(rows);
    assertThat(blobFiles(acme)).isEmpty();
  }

  @Test
  void badUploadsNameTheFieldAndStoreNothing() throws IOException {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);
    String path = PATH + "/" + id + "/attachments";

    assertThat(fieldsOf(Multipart.upload(acme.api(), path, "a.txt", "text/plain", new byte[] {1}, Map.of("kind", "selfie")))).containsExactly("kind");
    assertThat(fieldsOf(Multipart.upload(acme.api(), path, "a.txt", "text/plain", new byte[] {1}, Map.of("participantId", "33333333-3333-4333-8333-333333333333"))))
        .containsExactly("participantId");
    assertThat(fieldsOf(Multipart.upload(acme.api(), path, "a.txt", "text/plain", new byte[0]))).containsExactly("file");
    assertThat(fieldsOf(Multipart.upload(acme.api(), path, null, null, null, Map.of("kind", "recording")))).containsExactly("file");
    assertThat(count("conversation_attachments")).isZero();
    assertThat(blobFiles(acme)).isEmpty();
  }

  @Test
  void anotherOrgCannotUploadReadOrDeleteAttachments() throws IOException {
    Tenant acme = tenant("Acme");
    Tenant globex = tenant("Globex");
    String id = conversation(acme);
    String self =
        Multipart.upload(acme.api(), PATH + "/" + id + "/attachments", "a.txt", "text/plain", new byte[] {1, 2}).json().get("selfUri").asText();

    assertThat(globex.api().get(self).status()).isEqualTo(404);
    assertThat(globex.api().get(self + "/content").status()).isEqualTo(404);
    assertThat(globex.api().delete(self).status()).isEqualTo(404);
    assertThat(Multipart.upload(globex.api(), PATH + "/" + id + "/attachments", "b.txt", "text/plain", new byte[] {1}).status()).isEqualTo(404);
    assertThat(blobFiles(globex)).isEmpty();
    assertThat(acme.api().get(self + "/content").text()).isEqualTo("\u0001\u0002");
    assertThat(acme.api().get(PATH + "/" + id + "/attachments/not-an-id").status()).isEqualTo(404);
  }

  @Test
  void deletingAnAttachmentOrItsConversationDeletesTheFiles() throws IOException {
    Tenant acme = tenant("Acme");
    String id = conversation(acme);
    String path = PATH + "/" + id + "/attachments";
    String first = Multipart.upload(acme.api(), path, "a.txt", "text/plain", new byte[] {1}).json().get("selfUri").asText();
    Multipart.upload(acme.api(), path, "b.txt", "text/plain", new byte[] {2}, Map.of("participantId", AGENT));
    assertThat(blobFiles(acme)).hasSize(2);

    assertThat(acme.api().delete(first).status()).isEqualTo(204);
    assertThat(acme.api().get(first).status()).isEqualTo(404);
    assertThat(acme.api().delete(first).status()).isEqualTo(404);
    assertThat(blobFiles(acme)).hasSize(1);

    assertThat(acme.api().delete(PATH + "/" + id).status()).isEqualTo(204);
    assertThat(blobFiles(acme)).isEmpty();
    assertThat(count("conversation_attachments")).isZero();
  }

  @AfterEach
  void removeBlobsOfThisTest() throws IOException {
    for (Tenant tenant : tenants) {
      Path dir = orgBlobs(tenant);
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    }
  }

  private Tenant tenant(String name) {
    Tenant tenant = newTenant(name);
    tenants.add(tenant);
    return tenant;
  }

  private String conversation(Tenant tenant) {
    return tenant.api().post(PATH, Samples.whatsApp("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
  }

  private Path orgBlobs(Tenant tenant) {
    return dataDir.dataDir().resolve("blobs").resolve(tenant.orgId());
  }

  /** Every file in the org's blob directory, temporary ones included. */
  private List<Path> blobFiles(Tenant tenant) throws IOException {
    Path dir = orgBlobs(tenant);
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  private static List<String> fieldsOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").findValuesAsText("fieldName");
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}

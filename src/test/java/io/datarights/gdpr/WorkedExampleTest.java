package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import io.datarights.support.Multipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The seed article's worked example, end to end over HTTP: a person gives their name and e-mail;
 * both are searched; every matching subject gets a request; merged contacts produce related
 * requests; afterwards nothing is found and their messenger attachment is gone.
 */
class WorkedExampleTest extends IntegrationTest {

  @org.springframework.beans.factory.annotation.Autowired io.datarights.database.DatabaseProperties.DataDir dataDir;

  private static final String CUSTOMER = "11111111-1111-4111-8111-111111111111";
  private static final String AGENT = "22222222-2222-4222-8222-222222222222";
  // Unique per test, so that files of other tests in the same blob store never match.
  private final byte[] PHOTO = ("JPEG bytes of Jürgen's photo of the damaged parcel " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
  private final byte[] OTHER_PHOTO = ("Anna's own picture " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

  /** What was seeded for the subject and for a bystander. */
  private record Seeded(
      String contactA, String contactB, String whatsapp, String attachment, String emailConversation,
      String bystanderContact, String bystanderConversation, String bystanderAttachment) {}

  private String post(Api api, String path, Object body) {
    Api.Response r = api.post(path, body);
    assertThat(r.status()).as(r.toString()).isIn(200, 201);
    return r.json().get("id").asText();
  }

  private Seeded seed(Api api) {
    String a = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    String b = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Jurgen", "lastName", "Muller", "cellPhone", Map.of("display", "+49 171 2345678"),
            "whatsAppId", Map.of("phoneNumber", Map.of("display", "+49 171 2345678"))));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", b, "targetContactId", a));
    String whatsapp = post(api, "/api/v2/conversations", Map.of(
        "mediaType", "message", "messengerType", "whatsapp", "startTime", "2026-03-03T09:00:00Z",
        "participants", List.of(
            Map.of("id", CUSTOMER, "purpose", "customer", "name", "Jurgen Muller", "address", "+49 171 2345678", "externalContactId", b),
            Map.of("id", AGENT, "purpose", "agent", "name", "Alice Agent")),
        "messages", List.of(Map.of("participantId", CUSTOMER, "body", "Here is a photo of the parcel."))));
    Api.Response uploaded = Multipart.upload(api, "/api/v2/conversations/" + whatsapp + "/attachments", "parcel.jpg", "image/jpeg", PHOTO,
        Map.of("participantId", CUSTOMER));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String email = post(api, "/api/v2/conversations", Map.of(
        "mediaType", "email", "startTime", "2026-03-04T09:00:00Z",
        "participants", List.of(
            Map.of("id", CUSTOMER, "purpose", "customer", "name", "J. Müller", "address", "J.Mueller@example.com"),
            Map.of("id", AGENT, "purpose", "agent", "name", "Alice Agent", "address", "alice@acme.example")),
        "messages", List.of(Map.of("participantId", CUSTOMER, "body", "Where is my parcel?"))));
    String anna = post(api, "/api/v2/externalcontacts/contacts",
        Map.of("firstName", "Anna", "lastName", "Schmidt", "workEmail", "anna.schmidt@example.com"));
    String annaChat = post(api, "/api/v2/conversations", Map.of(
        "mediaType", "message", "messengerType", "facebook", "startTime", "2026-03-05T09:00:00Z",
        "participants", List.of(
            Map.of("id", CUSTOMER, "purpose", "customer", "name", "Anna Schmidt", "address", "anna.s", "externalContactId", anna),
            Map.of("id", AGENT, "purpose", "agent", "name", "Alice Agent")),
        "messages", List.of(Map.of("participantId", CUSTOMER, "body", "Anna's message"))));
    String annaFile = Multipart.upload(api, "/api/v2/conversations/" + annaChat + "/attachments", "anna.jpg", "image/jpeg", OTHER_PHOTO,
        Map.of("participantId", CUSTOMER)).json().get("id").asText();
    return new Seeded(a, b, whatsapp, uploaded.json().get("id").asText(), email, anna, annaChat, annaFile);
  }

  private JsonNode awaitCompleted(Api api, String id) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> Set.of("COMPLETED", "ERROR").contains(api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText()));
    JsonNode request = api.get("/api/v2/gdpr/requests/" + id).json();
    assertThat(request.get("status").asText()).as(request.toString()).isEqualTo("COMPLETED");
    return request;
  }

  private List<JsonNode> subjects(Api api, String type, String value) {
    JsonNode entities = api.get("/api/v2/gdpr/subjects?searchType=" + type + "&searchValue="
        + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)).json().get("entities");
    List<JsonNode> result = new ArrayList<>();
    entities.forEach(result::add);
    return result;
  }

  @Test
  void nameAndEmailAreSearchedEveryMatchIsErasedAndTheMessengerAttachmentIsGone() throws IOException {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    Seeded s = seed(api);
    Path annaBlob = blobFileOf(acme, s.bystanderAttachment(), OTHER_PHOTO);

    // 1. Search with each identifier the person gave.
    List<JsonNode> byName = subjects(api, "NAME", "Jürgen Müller");
    List<JsonNode> byEmail = subjects(api, "EMAIL", "j.mueller@example.com");
    Set<String> contactIds = new LinkedHashSet<>();
    Stream.concat(byName.stream(), byEmail.stream()).map(e -> e.path("externalContactId").asText()).filter(x -> !x.isEmpty()).forEach(contactIds::add);
    // 2. Disambiguate: both spellings of the name are this person (they are one merge set).
    assertThat(contactIds).containsExactlyInAnyOrder(s.contactA(), s.contactB());

    // 3. One request per matching subject, plus the e-mail itself for what no contact links.
    //    Step 4 of the article: a subject already covered by a related request needs none of its own.
    List<String> requestIds = new ArrayList<>();
    Set<String> covered = new LinkedHashSet<>();
    for (String contact : contactIds) {
      if (covered.contains(contact)) {
        continue;
      }
      JsonNode r = api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
          Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", contact))).json();
      requestIds.add(r.get("id").asText());
      for (String related : r.get("relatedRequests").findValuesAsText("id")) {
        requestIds.add(related);
        covered.add(api.get("/api/v2/gdpr/requests/" + related).json().get("subject").get("externalContactId").asText());
      }
    }
    requestIds.add(api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("j.mueller@example.com")))).json().get("id").asText());

    // 4. The merge set produced related requests; the second contact's request is that related one.
    assertThat(new LinkedHashSet<>(requestIds)).hasSize(3);
    for (String id : new LinkedHashSet<>(requestIds)) {
      JsonNode done = awaitCompleted(api, id);
      assertThat(done.get("verifiedErased").asBoolean()).as(done.toString()).isTrue();
    }

    // Afterwards nothing is found anywhere.
    assertThat(subjects(api, "NAME", "Jürgen Müller")).isEmpty();
    assertThat(subjects(api, "EMAIL", "j.mueller@example.com")).isEmpty();
    assertThat(subjects(api, "PHONE", "0171 2345678")).isEmpty();
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + s.contactA()).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + s.contactB()).status()).isEqualTo(404);
    // The messenger attachment is gone, whatever its content; the interaction stays, anonymized.
    assertThat(api.get("/api/v2/conversations/" + s.whatsapp() + "/attachments/" + s.attachment() + "/content").status()).isEqualTo(404);
    assertThat(filesContaining(PHOTO)).isEmpty();
    JsonNode chat = api.get("/api/v2/conversations/" + s.whatsapp()).json();
    assertThat(chat.toString()).doesNotContain("Muller").doesNotContain("2345678").doesNotContain("parcel");
    assertThat(api.get("/api/v2/conversations/" + s.emailConversation()).json().toString()).doesNotContain("ueller").doesNotContain("Where is my parcel");
    // The bystander and the agent keep everything.
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + s.bystanderContact()).status()).isEqualTo(200);
    assertThat(api.get("/api/v2/conversations/" + s.bystanderConversation() + "/attachments/" + s.bystanderAttachment() + "/content").raw().body())
        .isEqualTo(OTHER_PHOTO);
    assertThat(annaBlob).exists();
    assertThat(chat.toString()).contains("Alice Agent");
  }

  @Test
  void anExportHoldsEveryRecordAndFileOfTheSubjectAndNothingOfAnyoneElse() throws IOException {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    Seeded s = seed(api);

    String id = api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", s.contactB()))).json().get("id").asText();
    JsonNode done = awaitCompleted(api, id);
    String url = done.get("resultsUrl").asText();
    Map<String, byte[]> zip = unzip(anonymous().get(url.substring(url.indexOf("/api/v2"))).raw().body());

    assertThat(zip).containsKeys("manifest.json", "report.html", "externalContacts.json", "externalContacts.csv", "conversations.json", "conversations.csv");
    String contacts = new String(zip.get("externalContacts.json"), StandardCharsets.UTF_8);
    assertThat(contacts).contains(s.contactB()).contains("+491712345678");
    String conversations = new String(zip.get("conversations.json"), StandardCharsets.UTF_8);
    assertThat(conversations).contains(s.whatsapp()).contains("Here is a photo of the parcel.");
    assertThat(zip.entrySet().stream().filter(e -> e.getKey().startsWith("files/")).map(Map.Entry::getValue))
        .as("the original messenger attachment, byte for byte").anySatisfy(bytes -> assertThat(bytes).isEqualTo(PHOTO));
    String everything = new String(String.join("\n", zip.values().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()));
    assertThat(everything).doesNotContain("Anna").doesNotContain("anna.schmidt").doesNotContain(s.bystanderConversation());
    assertThat(everything).doesNotContain("Alice Agent").as("other participants appear by id and purpose only");
    JsonNode manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(zip.get("manifest.json"));
    assertThat(manifest.get("services").findValuesAsText("service")).contains("externalContacts", "conversations");
    assertThat(manifest.get("services").toString()).contains("purposes").contains("retention");
  }

  @Test
  void anUpdateChangesAnEmailEverywhereItOccurs() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    Seeded s = seed(api);

    String id = api.post("/api/v2/gdpr/requests", Map.of(
        "requestType", "GDPR_UPDATE",
        "subject", Map.of("emailAddresses", List.of("j.mueller@example.com")),
        "replacementTerms", List.of(Map.of("type", "EMAIL", "existingValue", "j.mueller@example.com", "updatedValue", "juergen@example.net")))).json().get("id").asText();
    JsonNode done = awaitCompleted(api, id);

    assertThat(done.get("services").toString()).contains("\"updated\":1");
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + s.contactA()).json().get("workEmail").asText()).isEqualTo("juergen@example.net");
    assertThat(api.get("/api/v2/conversations/" + s.emailConversation()).json().toString()).contains("juergen@example.net").doesNotContain("J.Mueller@");
    assertThat(subjects(api, "EMAIL", "j.mueller@example.com")).isEmpty();
    assertThat(subjects(api, "EMAIL", "JUERGEN@example.net")).extracting(e -> e.get("externalContactId").asText()).containsExactly(s.contactA());
  }

  private Path blobFileOf(Tenant tenant, String attachmentId, byte[] content) throws IOException {
    List<Path> found = filesContaining(content);
    assertThat(found).as("attachment " + attachmentId + " on disk").hasSize(1);
    return found.get(0);
  }

  /** Files in this test JVM's blob store with exactly that content. */
  private List<Path> filesContaining(byte[] content) throws IOException {
    Path blobs = dataDir.dataDir().resolve("blobs");
    List<Path> result = new ArrayList<>();
    try (Stream<Path> files = Files.walk(blobs)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        if (Files.size(p) == content.length && java.util.Arrays.equals(Files.readAllBytes(p), content)) {
          result.add(p);
        }
      }
    }
    return result;
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

}

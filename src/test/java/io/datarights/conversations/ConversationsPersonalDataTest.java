package io.datarights.conversations;

import static io.datarights.conversations.Samples.AGENT;
import static io.datarights.conversations.Samples.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.database.DatabaseProperties;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import io.datarights.support.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationsPersonalDataTest extends IntegrationTest {

  private static final String PATH = "/api/v2/conversations";
  private static final String CONTACT = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
  private static final String USER = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

  @Autowired List<PersonalDataService> services;
  @Autowired IdentifierIndex index;
  @Autowired DatabaseProperties.DataDir dataDir;

  private final List<Tenant> tenants = new ArrayList<>();

  private PersonalDataService conversations() {
    return services.stream().filter(s -> s.name().equals("conversations")).findFirst().orElseThrow();
  }

  @Test
  void conversationsAreNotSubjectsThemselves() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    acme.api().post(PATH, Samples.email("Kim Meyer", "kim@example.com"));

    assertThat(conversations().findSubjects(org, Identifier.email("kim@example.com"))).isEmpty();
    assertThat(conversations().resolve(org, SubjectRef.externalContact(CONTACT))).isEmpty();
    assertThat(conversations().inventory().erasureMode()).isEqualTo(ErasureMode.ANONYMIZE);
    assertThat(conversations().inventory().fields())
        .filteredOn(f -> f.name().equals("participants.attributes"))
        .singleElement()
        .satisfies(f -> assertThat(f.searched()).isFalse());
  }

  @Test
  void exportsTheSubjectsConversationsFoundByAnyFormattingOfTheirIdentifiers() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String whatsApp = acme.api().post(PATH, Samples.whatsApp("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    String email = acme.api().post(PATH, Samples.email("Kim Meyer", "Kim.Meyer@Example.com")).json().get("id").asText();
    acme.api().post(PATH, Samples.email("Someone Else", "else@example.com"));

    assertThat(export(org, SubjectTerms.of(Identifier.phone("0171 / 123 45 67"))).records).containsOnlyKeys(whatsApp);
    assertThat(export(org, SubjectTerms.of(Identifier.email(" kim.meyer@EXAMPLE.com"))).records).containsOnlyKeys(email);
    assertThat(export(org, SubjectTerms.of(new Identifier(IdentifierKind.WHATSAPP, "+491711234567"))).records).containsOnlyKeys(whatsApp);
    assertThat(export(org, SubjectTerms.of(Identifier.name("meyer KIM"))).records).containsOnlyKeys(whatsApp, email);
    assertThat(export(org, SubjectTerms.of(Identifier.name("Alice Agent"))).records).as("agents are not indexed by name").isEmpty();
  }

  @Test
  void theExportHoldsTheConversationTheSubjectsParticipantMessagesAndFiles() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, Samples.whatsApp("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    upload(acme, id, "damage.jpg", "photo of the damage", CUSTOMER, "attachment");
    upload(acme, id, "call.wav", "the whole call", null, "recording");
    upload(acme, id, "refund.pdf", "agent's document", AGENT, "attachment");

    Export export = export(org, SubjectTerms.of(Identifier.phone("+49 171 1234567")));

    assertThat(export.outcome.matched()).isEqualTo(1);
    assertThat(export.outcome.exported()).isEqualTo(1);
    Map<String, Object> record = export.records.get(id);
    assertThat(record).containsEntry("mediaType", "message").containsEntry("messengerType", "whatsapp");
    List<Map<String, Object>> participants = list(record.get("participants"));
    assertThat(participants.get(0)).containsEntry("name", "Kim Meyer").containsEntry("address", "+49 171 1234567").containsEntry("subject", true);
    assertThat(participants.get(1)).as("the agent's data is someone else's").containsOnlyKeys("id", "purpose");
    assertThat(list(record.get("messages"))).extracting(m -> m.get("body"))
        .containsExactly("Here is a photo of the damage.", "Thanks, refund is on its way.");
    assertThat(export.files).containsOnlyKeys(id + "/damage.jpg", id + "/call.wav");
    assertThat(export.files.get(id + "/damage.jpg")).isEqualTo("photo of the damage");
  }

  @Test
  void aParticipantLinkedToTheSubjectsContactOrUserIdIsFound() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String linked = acme.api().post(PATH, linkedConversation("Anon Ymous", "+49 171 5550000")).json().get("id").asText();

    assertThat(export(org, SubjectTerms.of(SubjectRef.externalContact(CONTACT.toUpperCase()))).records).containsOnlyKeys(linked);
    assertThat(export(org, SubjectTerms.of(SubjectRef.user(USER))).records).containsOnlyKeys(linked);
    assertThat(export(org, SubjectTerms.of(SubjectRef.externalContact("cccccccc-cccc-4ccc-8ccc-cccccccccccc"))).records).isEmpty();
  }

  @Test
  void linkedParticipantsAreFoundThroughAnIndexNotAScan() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    jdbc.sql(
            """
            insert into conversations (org_id, conversation_id, media_type, start_time, created_at)
            select ?, md5('c' || i)::uuid, 'voice', now(), now() from generate_series(1, 20000) as i
            """)
        .param(org.value())
        .update();
    jdbc.sql(
            """
            insert into conversation_participants (org_id, conversation_id, participant_id, position, purpose, external_contact_id, user_id)
            select ?, md5('c' || i)::uuid, md5('p' || i)::uuid, 0, 'customer', md5('x' || i)::uuid::text,
                   case when i % 2 = 0 then md5('u' || i)::uuid::text end
            from generate_series(1, 20000) as i
            """)
        .param(org.value())
        .update();
    jdbc.sql("analyze conversation_participants").update();

    String plan =
        String.join(
            "\n",
            jdbc.sql(
                    """
                    explain select distinct conversation_id from conversation_participants
                    where org_id = ? and (external_contact_id = any(?::text[]) or user_id = any(?::text[]))
                    """)
                .param(org.value())
                .param(new String[] {CONTACT})
                .param(new String[] {USER})
                .query(String.class)
                .list());

    assertThat(plan).contains("conversation_participants_external_contact").contains("conversation_participants_user").doesNotContain("Seq Scan");
  }

  @Test
  void rectifyReplacesTheSubjectsNameAndAddressAndReindexes() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, Samples.email("Kim Meyer", "kim@old.example")).json().get("id").asText();
    String other = acme.api().post(PATH, Samples.email("Kim Meyer", "kim@other.example")).json().get("id").asText();

    ServiceOutcome outcome =
        conversations().rectify(org, SubjectTerms.of(Identifier.email("KIM@old.example")), List.of(
            new ReplacementTerm(IdentifierKind.EMAIL, "kim@OLD.example", "kim@new.example"),
            new ReplacementTerm(IdentifierKind.NAME, "Kim Meyer", "Kim Schulz")));

    assertThat(outcome.matched()).isEqualTo(1);
    assertThat(outcome.updated()).isEqualTo(1);
    JsonNode participants = acme.api().get(PATH + "/" + id).json().get("participants");
    assertThat(participants.get(0).get("name").asText()).isEqualTo("Kim Schulz");
    assertThat(participants.get(0).get("address").asText()).isEqualTo("kim@new.example");
    assertThat(participants.get(1).get("name").asText()).as("the agent keeps their name").isEqualTo("Alice Agent");
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "kim@old.example", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "kim@new.example", "conversations")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "Kim Schulz", "conversations")).containsExactly(id);
    assertThat(acme.api().get(PATH + "/" + other).json().get("participants").get(0).get("name").asText())
        .as("only the terms' conversations").isEqualTo("Kim Meyer");
  }

  @Test
  void eraseAnonymizesTheSubjectAndDeletesTheirMessengerAttachmentFromDisk() throws IOException {
    Tenant acme = tenant("Acme");
    Tenant globex = tenant("Globex");
    OrgId org = OrgId.of(acme.orgId());
    Map<String, Object> body = withCustomerAttributes(Samples.whatsApp("Kim Meyer", "+49 171 1234567"));
    String id = acme.api().post(PATH, body).json().get("id").asText();
    String photo = upload(acme, id, "damage.jpg", "photo of the damage", CUSTOMER, "attachment");
    String recording = upload(acme, id, "call.wav", "the whole call", null, "recording");
    String agentFile = upload(acme, id, "refund.pdf", "agent's document", AGENT, "attachment");
    String someoneElse = acme.api().post(PATH, Samples.whatsApp("Jo Other", "+49 171 7654321")).json().get("id").asText();
    String globexId = globex.api().post(PATH, Samples.whatsApp("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    upload(globex, globexId, "damage.jpg", "photo of the damage", CUSTOMER, "attachment");
    assertThat(blobFiles(acme)).hasSize(3);
    SubjectTerms terms = SubjectTerms.of(Identifier.phone("0171 1234567"));
    assertThat(conversations().remaining(org, terms)).isEqualTo(1);

    ServiceOutcome outcome = conversations().erase(org, terms);

    assertThat(outcome.matched()).isEqualTo(1);
    assertThat(outcome.anonymized()).isEqualTo(1);
    assertThat(outcome.deleted()).isZero();
    Api.Response after = acme.api().get(PATH + "/" + id);
    assertThat(after.status()).as("the interaction stays for statistics").isEqualTo(200);
    JsonNode customer = after.json().get("participants").get(0);
    assertThat(customer.get("name").asText()).isEqualTo("anonymized");
    assertThat(customer.get("address").asText()).isEqualTo("anonymized");
    assertThat(customer.get("attributes")).isEmpty();
    assertThat(customer.get("anonymized").asBoolean()).isTrue();
    JsonNode agent = after.json().get("participants").get(1);
    assertThat(agent.get("name").asText()).isEqualTo("Alice Agent");
    assertThat(agent.has("anonymized")).isFalse();
    JsonNode messages = after.json().get("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).has("body")).isFalse();
    assertThat(messages.get(1).get("body").asText()).isEqualTo("Thanks, refund is on its way.");
    assertThat(after.json().get("attachments").findValuesAsText("id")).containsExactly(agentFile);
    assertThat(acme.api().get(PATH + "/" + id + "/attachments/" + photo).status()).isEqualTo(404);
    assertThat(acme.api().get(PATH + "/" + id + "/attachments/" + recording).status()).isEqualTo(404);
    assertThat(blobFiles(acme)).as("only the agent's file is left on disk").hasSize(1);
    assertThat(acme.api().get(PATH + "/" + id + "/attachments/" + agentFile + "/content").text()).isEqualTo("agent's document");
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+491711234567", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.NAME, "Kim Meyer", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.NAME, "anonymized", "conversations")).isEmpty();
    assertThat(conversations().remaining(org, terms)).isZero();

    assertThat(acme.api().get(PATH + "/" + someoneElse).json().get("participants").get(0).get("name").asText()).isEqualTo("Jo Other");
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+491717654321", "conversations")).containsExactly(someoneElse);
    assertThat(globex.api().get(PATH + "/" + globexId).json().get("participants").get(0).get("name").asText()).isEqualTo("Kim Meyer");
    assertThat(blobFiles(globex)).hasSize(1);

    ServiceOutcome again = conversations().erase(org, terms);
    assertThat(again.anonymized()).isZero();
    assertThat(acme.api().get(PATH + "/" + id).json()).isEqualTo(after.json());
    assertThat(conversations().remaining(org, terms)).isZero();
  }

  @Test
  void eraseByContactIdIsIdempotentAndCatchesWhatWasAddedLater() {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, linkedConversation("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    upload(acme, id, "damage.jpg", "photo", CUSTOMER, "attachment");
    SubjectTerms terms = SubjectTerms.of(SubjectRef.externalContact(CONTACT));

    assertThat(conversations().erase(org, terms).anonymized()).isEqualTo(1);
    assertThat(conversations().remaining(org, terms)).isZero();
    ServiceOutcome again = conversations().erase(org, terms);
    assertThat(again.matched()).as("still linked, nothing left to do").isEqualTo(1);
    assertThat(again.anonymized()).isZero();

    acme.api().post(PATH + "/" + id + "/messages", Map.of("participantId", CUSTOMER, "body", "one more thing"));
    acme.api().patch(PATH + "/" + id + "/participants/" + CUSTOMER, Map.of("attributes", Map.of("mood", "annoyed")));
    assertThat(conversations().remaining(org, terms)).isEqualTo(1);
    assertThat(conversations().erase(org, terms).anonymized()).isEqualTo(1);
    assertThat(conversations().remaining(org, terms)).isZero();
    JsonNode after = acme.api().get(PATH + "/" + id).json();
    assertThat(after.get("messages").findValuesAsText("body")).containsExactly("Thanks, refund is on its way.");
    assertThat(after.get("participants").get(0).get("attributes")).isEmpty();
  }

  @Test
  void eraseFinishesAfterACrashThatLeftARowWhoseFileIsGone() throws IOException {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, Samples.whatsApp("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    upload(acme, id, "damage.jpg", "photo", CUSTOMER, "attachment");
    // As if an earlier run deleted the file and crashed before its transaction committed.
    for (Path file : blobFiles(acme)) {
      Files.delete(file);
    }
    SubjectTerms terms = SubjectTerms.of(Identifier.phone("+49 171 1234567"));

    assertThat(export(org, terms).files).as("a missing file is left out of an export").isEmpty();
    assertThat(conversations().erase(org, terms).anonymized()).isEqualTo(1);

    assertThat(count("conversation_attachments")).isZero();
    assertThat(conversations().remaining(org, terms)).isZero();
  }

  @Test
  void erasingAnAgentLeavesTheCustomerAndTheCallRecording() throws IOException {
    Tenant acme = tenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, linkedConversation("Kim Meyer", "+49 171 1234567")).json().get("id").asText();
    upload(acme, id, "call.wav", "the whole call", null, "recording");
    upload(acme, id, "refund.pdf", "agent's document", AGENT, "attachment");

    ServiceOutcome outcome = conversations().erase(org, SubjectTerms.of(SubjectRef.user(USER)));

    assertThat(outcome.anonymized()).isEqualTo(1);
    JsonNode after = acme.api().get(PATH + "/" + id).json();
    assertThat(after.get("participants").get(0).get("name").asText()).isEqualTo("Kim Meyer");
    assertThat(after.get("participants").get(1).get("name").asText()).isEqualTo("anonymized");
    assertThat(after.get("participants").get(1).get("userId").asText()).isEqualTo(USER);
    assertThat(after.get("messages").findValuesAsText("body")).containsExactly("Here is a photo of the damage.");
    assertThat(after.get("attachments").findValuesAsText("kind")).containsExactly("recording");
    assertThat(blobFiles(acme)).hasSize(1);
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+491711234567", "conversations")).containsExactly(id);
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

  // ---- helpers

  private record Export(ServiceOutcome outcome, Map<String, Map<String, Object>> records, Map<String, String> files) {}

  private Export export(OrgId org, SubjectTerms terms) {
    Map<String, Map<String, Object>> records = new LinkedHashMap<>();
    Map<String, String> files = new LinkedHashMap<>();
    ExportSink sink =
        new ExportSink() {
          @Override
          public void record(String recordType, String recordId, Map<String, Object> fields) {
            assertThat(recordType).isEqualTo("conversation");
            records.put(recordId, fields);
          }

          @Override
          public void file(String recordId, String fileName, String contentType, long size, FileContent content) {
            try (InputStream in = content.open()) {
              byte[] bytes = in.readAllBytes();
              assertThat(bytes).hasSize((int) size);
              files.put(recordId + "/" + fileName, new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        };
    ServiceOutcome outcome = conversations().export(org, terms, sink);
    return new Export(outcome, records, files);
  }

  private String upload(Tenant tenant, String conversationId, String fileName, String content, String participantId, String kind) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("kind", kind);
    if (participantId != null) {
      fields.put("participantId", participantId);
    }
    Api.Response response =
        Multipart.upload(tenant.api(), PATH + "/" + conversationId + "/attachments", fileName, "application/octet-stream",
            content.getBytes(StandardCharsets.UTF_8), fields);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  /** A WhatsApp conversation whose customer is linked to {@link #CONTACT} and whose agent is {@link #USER}. */
  private static Map<String, Object> linkedConversation(String customerName, String customerPhone) {
    Map<String, Object> body = new LinkedHashMap<>(Samples.whatsApp(customerName, customerPhone));
    Map<String, Object> customer = new LinkedHashMap<>(Samples.participant(CUSTOMER, "customer", customerName, customerPhone));
    customer.put("externalContactId", CONTACT);
    Map<String, Object> agent = new LinkedHashMap<>(Samples.participant(AGENT, "agent", "Alice Agent", null));
    agent.put("userId", USER);
    body.put("participants", List.of(customer, agent));
    return body;
  }

  private static Map<String, Object> withCustomerAttributes(Map<String, Object> conversation) {
    Map<String, Object> body = new LinkedHashMap<>(conversation);
    List<Map<String, Object>> participants = new ArrayList<>(list(conversation.get("participants")));
    Map<String, Object> customer = new LinkedHashMap<>(participants.get(0));
    customer.put("attributes", Map.of("orderNumber", "4711", "email", "kim.private@example.com"));
    participants.set(0, customer);
    body.put("participants", participants);
    return body;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return (List<Map<String, Object>>) value;
  }

  private Tenant tenant(String name) {
    Tenant tenant = newTenant(name);
    tenants.add(tenant);
    return tenant;
  }

  private Path orgBlobs(Tenant tenant) {
    return dataDir.dataDir().resolve("blobs").resolve(tenant.orgId());
  }

  private List<Path> blobFiles(Tenant tenant) throws IOException {
    Path dir = orgBlobs(tenant);
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

}

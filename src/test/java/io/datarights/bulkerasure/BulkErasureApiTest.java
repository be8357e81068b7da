package io.datarights.bulkerasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.contacts.ExternalContactsBulkLoad;
import io.datarights.conversations.ConversationsBulkLoad;
import io.datarights.outbound.OutboundBulkLoad;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import io.datarights.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class BulkErasureApiTest extends IntegrationTest {

  static final String PATH = "/api/v2/gdpr/bulk-erasures";
  static final String CONFIRMED = PATH + "?deleteConfirmed=true";

  @Autowired ExternalContactsBulkLoad contactLoad;
  @Autowired OutboundBulkLoad outboundLoad;
  @Autowired ConversationsBulkLoad conversationLoad;
  @Autowired TransactionTemplate tx;

  BulkSeed seed;

  @BeforeEach
  void seeder() {
    seed = new BulkSeed(contactLoad, outboundLoad, conversationLoad, tx);
  }

  static Api.Response upload(Api api, String path, String csv) {
    return Multipart.upload(api, path, "subjects.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode awaitEnd(Api api, String id) {
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
        .until(() -> List.of("COMPLETED", "ERROR").contains(api.get(PATH + "/" + id).json().get("status").asText()));
    return api.get(PATH + "/" + id).json();
  }

  private long orgCount(String table, Tenant tenant) {
    return jdbc.sql("select count(*) from " + table + " where org_id = :org")
        .param("org", UUID.fromString(tenant.orgId()))
        .query(Long.class)
        .single();
  }

  private long audited(String action) {
    return jdbc.sql("select count(*) from audit_log where action = :action").param("action", action).query(Long.class).single();
  }

  @Test
  void aFileOfFiveThousandSubjectsErasesEverythingOfThemAndNothingOfTheBystanders() {
    Tenant acme = newTenant("Acme");
    BulkSeed.Seeded seeded = seed.seed(OrgId.of(acme.orgId()), 5_000, 500);
    long indexBefore = orgCount("identifier_index", acme);

    Api.Response filed = upload(acme.api(), CONFIRMED, seeded.csv());

    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    assertThat(filed.json().get("subjects").asInt()).isEqualTo(5_000);
    assertThat(filed.json().get("status").asText()).isIn("INITIATED", "DELETING");
    assertThat(filed.json().get("selfUri").asText()).isEqualTo(PATH + "/" + filed.json().get("id").asText());
    JsonNode job = awaitEnd(acme.api(), filed.json().get("id").asText());

    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
    assertThat(job.get("verifiedErased").asBoolean()).isTrue();
    assertThat(job.get("stillFound").asLong()).isZero();
    assertThat(job.get("progress").get("percent").asInt()).isEqualTo(100);
    assertThat(job.get("progress").get("chunks").asInt()).isEqualTo(3);
    assertThat(job.get("progress").get("chunksVerified").asInt()).isEqualTo(3);
    assertThat(job.get("completedDate").asText()).isNotBlank();
    Map<String, JsonNode> services = new java.util.HashMap<>();
    job.get("services").forEach(s -> services.put(s.get("name").asText(), s));
    assertThat(services.get("externalContacts").get("deleted").asLong()).isEqualTo(5_000);
    assertThat(services.get("outbound").get("deleted").asLong()).isEqualTo(5_000);
    assertThat(services.get("conversations").get("anonymized").asLong()).isEqualTo(10_000);
    assertThat(job.get("services").findValuesAsText("status")).containsOnly("DONE");

    // The subjects are gone from every service and from the index; the bystanders are all there.
    assertThat(orgCount("external_contacts", acme)).isEqualTo(500);
    assertThat(orgCount("outbound_contacts", acme)).isEqualTo(500);
    assertThat(jdbc.sql("select count(*) from conversation_participants where name = 'anonymized' and purpose = 'customer'")
        .query(Long.class).single()).isEqualTo(10_000);
    assertThat(jdbc.sql("select count(*) from conversation_participants where name like '%Bystanderson' and anonymized_at is null")
        .query(Long.class).single()).isEqualTo(1_000);
    assertThat(jdbc.sql("select count(*) from conversation_messages where body like 'Hello, this is %'")
        .query(Long.class).single()).isEqualTo(1_000);
    assertThat(jdbc.sql("select count(*) from conversation_messages where body = 'How can I help?'")
        .query(Long.class).single()).as("the agents' messages stay").isEqualTo(11_000);
    assertThat(jdbc.sql("select count(*) from identifier_index where normalized_value like '%subject%' or normalized_value like '+4915110%'")
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from identifier_index where normalized_value like '%bystander%'")
        .query(Long.class).single()).isPositive();
    assertThat(orgCount("identifier_index", acme)).isLessThan(indexBefore);

    // Audited: one entry per chunk and service with its counts, one per chunk with the subjects' pseudonyms.
    assertThat(audited("gdpr.bulk-erasure.created")).isEqualTo(1);
    assertThat(audited("gdpr.bulk-erasure.step.completed")).isEqualTo(3L * job.get("services").size());
    assertThat(audited("gdpr.bulk-erasure.chunk.verified")).isEqualTo(3);
    assertThat(audited("gdpr.bulk-erasure.verified")).isEqualTo(1);
    assertThat(audited("gdpr.request.completed")).isEqualTo(1);
    List<String> pseudonyms = new ArrayList<>();
    jdbc.sql("select details->>'pseudonyms' from audit_log where action = 'gdpr.bulk-erasure.chunk.verified'")
        .query(String.class).list().forEach(p -> pseudonyms.addAll(Arrays.asList(p.split(" "))));
    assertThat(pseudonyms).hasSize(5_000).doesNotHaveDuplicates().allMatch(p -> p.startsWith("subject:"));
    assertThat(jdbc.sql("select count(*) from audit_log where details::text like '%subject0@%' or details::text like '%+4915110%'")
        .query(Long.class).single()).as("no raw identifier in the audit trail").isZero();
    assertThat(acme.api().get("/api/v2/audits/verification").json().get("intact").asBoolean()).isTrue();

    // The file's identifiers are not kept once the job has ended.
    assertThat(jdbc.sql("select count(*) from gdpr_bulk_erasure_chunks where kinds is not null or normalized_values is not null")
        .query(Long.class).single()).isZero();
  }

  @Test
  void aPseudonymInTheBulkEntryIsTheOneASingleRequestForTheSameIdentifierGets() {
    Tenant acme = newTenant("Acme");
    JsonNode job = awaitEnd(acme.api(), upload(acme.api(), CONFIRMED, "type,value\nEMAIL,Jane.Roe@Example.com\n").json().get("id").asText());
    assertThat(job.get("status").asText()).isEqualTo("COMPLETED");
    acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("jane.roe@example.com"))));

    String bulk = jdbc.sql("select details->>'pseudonyms' from audit_log where action = 'gdpr.bulk-erasure.chunk.verified'").query(String.class).single();
    String single = jdbc.sql("select details->>'subject' from audit_log where action = 'gdpr.request.created'").query(String.class).single();
    assertThat(bulk).isEqualTo(single);
  }

  @Test
  void badLinesAreRefusedWithTheirLineNumbersAndNothingIsFiled() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jane", "lastName", "Roe", "workEmail", "jane@example.com"));
    String csv =
        """
        type,value
        EMAIL,jane@example.com
        NAME,Jane Roe
        EMAIL,not-an-email

        FAVOURITE_COLOUR,blue
        PHONE,call me
        TWITTER,
        EMAIL,a@example.com,extra
        ADDRESS,"Hauptstraße 5, Berlin"
        EXTERNAL_CONTACT_ID,0b0c7c2e-6a7e-4b51-9d7c-1d2d5f0e6a11
        """;

    Api.Response refused = upload(acme.api(), CONFIRMED, csv);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("code").asText()).isEqualTo("invalid.value");
    assertThat(refused.json().get("details").findValuesAsText("fieldName"))
        .containsExactly("line 3", "line 4", "line 6", "line 7", "line 8", "line 9", "line 10", "line 11");
    assertThat(refused.json().get("message").asText())
        .startsWith("Nothing was filed: 8 lines of the file are invalid")
        .contains("line 3 has type NAME, which strangers share")
        .contains("line 4 is not a valid e-mail address")
        .doesNotContain("jane@example.com");
    assertThat(refused.json().get("message").asText())
        .contains("line 6 has an unknown type").contains("line 7 is not a phone number").contains("line 8 has no value")
        .contains("line 9 has 3 fields").contains("line 10 has type ADDRESS").contains("line 11 has type EXTERNAL_CONTACT_ID");
    assertThat(count("gdpr_bulk_erasures")).isZero();
    assertThat(count("gdpr_bulk_erasure_chunks")).isZero();
    assertThat(count("external_contacts")).isEqualTo(1);
  }

  @Test
  void aFileWithoutHeaderOrSubjectsIsRefused() {
    Tenant acme = newTenant("Acme");

    Api.Response noHeader = upload(acme.api(), CONFIRMED, "EMAIL,jane@example.com\n");
    Api.Response empty = upload(acme.api(), CONFIRMED, "type,value\n\n");
    Api.Response noFile = Multipart.upload(acme.api(), CONFIRMED, null, null, null, Map.of("other", "x"));

    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.json().get("message").asText()).contains("header type,value");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("message").asText()).contains("names no subjects");
    assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
    assertThat(noFile.json().get("details").get(0).get("fieldName").asText()).isEqualTo("file");
    assertThat(count("gdpr_bulk_erasures")).isZero();
  }

  @Test
  void withoutDeleteConfirmedNothingIsFiled() {
    Tenant acme = newTenant("Acme");

    Api.Response refused = upload(acme.api(), PATH, "type,value\nEMAIL,jane@example.com\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("fieldName").asText()).isEqualTo("deleteConfirmed");
    assertThat(count("gdpr_bulk_erasures")).isZero();
  }

  @Test
  void moreThanAHundredThousandSubjectsAreRefusedAsTooLarge() {
    Tenant acme = newTenant("Acme");
    StringBuilder csv = new StringBuilder("type,value\n");
    for (int i = 0; i <= 100_000; i++) {
      csv.append("EMAIL,s").append(i).append("@example.com\n");
    }

    Api.Response refused = upload(acme.api(), CONFIRMED, csv.toString());

    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.json().get("message").asText()).contains("more than 100000 subjects");
    assertThat(count("gdpr_bulk_erasures")).isZero();
  }

  @Test
  void aTextCsvBodyIsAcceptedAsWellAsAnUpload() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Jane", "lastName", "Roe", "cellPhone", Map.of("display", "+49 171 2345678")));

    Api.Response filed = acme.api().send("POST", CONFIRMED, "text/csv", "type,value\r\nPHONE,\"0171 2345678\"\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(filed.status()).as(filed.toString()).isEqualTo(202);
    JsonNode job = awaitEnd(acme.api(), filed.json().get("id").asText());
    assertThat(job.get("verifiedErased").asBoolean()).isTrue();
    assertThat(count("external_contacts")).isZero();
  }

  @Test
  void anotherOrganizationNeitherSeesNorFindsTheJob() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = upload(acme.api(), CONFIRMED, "type,value\nEMAIL,jane@example.com\n").json().get("id").asText();
    awaitEnd(acme.api(), id);

    assertThat(globex.api().get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(PATH + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(globex.api().get(PATH).json().get("total").asLong()).isZero();
    JsonNode listing = acme.api().get(PATH + "?pageSize=1&pageNumber=1").json();
    assertThat(listing.get("total").asLong()).isEqualTo(1);
    assertThat(listing.get("entities").get(0).get("id").asText()).isEqualTo(id);
  }

  @Test
  void oneJobRunsAtATimeAndTwoAnHourAreAllowed() {
    Tenant acme = newTenant("Acme");
    gate.close();
    String first = upload(acme.api(), CONFIRMED, "type,value\nEMAIL,a@example.com\n").json().get("id").asText();

    Api.Response second = upload(acme.api(), CONFIRMED, "type,value\nEMAIL,b@example.com\n");
    assertThat(second.status()).as(second.toString()).isEqualTo(409);
    assertThat(second.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(second.json().get("message").asText()).contains(first);

    gate.open();
    assertThat(awaitEnd(acme.api(), first).get("status").asText()).isEqualTo("COMPLETED");
    Api.Response again = upload(acme.api(), CONFIRMED, "type,value\nEMAIL,b@example.com\n");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.header("RateLimit")).contains("remaining=0");
    awaitEnd(acme.api(), again.json().get("id").asText());

    Api.Response third = upload(acme.api(), CONFIRMED, "type,value\nEMAIL,c@example.com\n");
    assertThat(third.status()).as(third.toString()).isEqualTo(429);
    assertThat(third.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(Long.parseLong(third.header("Retry-After"))).isPositive();
    assertThat(count("gdpr_bulk_erasures")).isEqualTo(2);
  }

  @Test
  void aHeldContactIsRetainedWithTheHoldsReason() {
    Tenant acme = newTenant("Acme");
    String held = acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Held", "workEmail", "held@example.com"))
        .json().get("id").asText();
    acme.api().post("/api/v2/externalcontacts/contacts", Map.of("firstName", "Free", "workEmail", "free@example.com"));
    acme.api().post("/api/v2/governance/legal-holds",
        Map.of("subject", Map.of("externalContactId", held), "reason", "Art. 17(3)(e): pending litigation"));

    JsonNode job = awaitEnd(acme.api(),
        upload(acme.api(), CONFIRMED, "type,value\nEMAIL,held@example.com\nEMAIL,free@example.com\n").json().get("id").asText());

    assertThat(job.get("verifiedErased").asBoolean()).isTrue();
    JsonNode contacts = null;
    for (JsonNode s : job.get("services")) {
      if (s.get("name").asText().equals("externalContacts")) {
        contacts = s;
      }
    }
    assertThat(contacts.get("deleted").asLong()).isEqualTo(1);
    assertThat(contacts.get("retained").asLong()).isEqualTo(1);
    assertThat(contacts.get("reason").asText()).contains("pending litigation");
    assertThat(acme.api().get("/api/v2/externalcontacts/contacts/" + held).status()).isEqualTo(200);
  }

  @Test
  void aClientWithoutTheRequestPermissionCannotFile() {
    Tenant acme = newTenant("Acme");
    JsonNode client = acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("gdpr:request:view"))).json();
    Api viewer = anonymous().withToken(anonymous().token(client.get("id").asText(), client.get("secret").asText()));

    assertThat(upload(viewer, CONFIRMED, "type,value\nEMAIL,jane@example.com\n").status()).isEqualTo(403);
    assertThat(viewer.get(PATH).status()).isEqualTo(200);
    assertThat(count("gdpr_bulk_erasures")).isZero();
  }
}

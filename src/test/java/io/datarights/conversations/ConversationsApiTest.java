package io.datarights.conversations;

import static io.datarights.conversations.Samples.AGENT;
import static io.datarights.conversations.Samples.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConversationsApiTest extends IntegrationTest {

  private static final String PATH = "/api/v2/conversations";

  @Autowired IdentifierIndex index;

  @Test
  void createsAConversationAndReadsItBack() {
    Tenant acme = newTenant("Acme");

    Api.Response created = acme.api().post(PATH, Samples.email("Jürgen Müller", "J.Mueller@Example.com"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.get("id").asText();
    assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(body.get("selfUri").asText()).isEqualTo(PATH + "/" + id);
    assertThat(body.get("mediaType").asText()).isEqualTo("email");
    assertThat(body.has("messengerType")).isFalse();
    assertThat(body.get("startTime").asText()).isEqualTo("2024-03-02T09:00:00Z");
    assertThat(body.get("participants").get(0).get("id").asText()).isEqualTo(CUSTOMER);
    assertThat(body.get("participants").get(0).get("address").asText()).isEqualTo("J.Mueller@Example.com");
    assertThat(body.get("messages")).hasSize(2);
    assertThat(body.get("messages").get(1).get("participantId").asText()).isEqualTo(AGENT);

    Api.Response fetched = acme.api().get(PATH + "/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(body);
  }

  @Test
  void aMessageInteractionNamesItsMessengerAndParticipantsKeepTheirLinksAndAttributes() {
    Tenant acme = newTenant("Acme");
    Map<String, Object> customer = new LinkedHashMap<>(Samples.participant(null, "customer", "Kim", "@Kim_Tweets"));
    customer.put("externalContactId", "AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA");
    customer.put("attributes", Map.of("loyalty", "gold", "note", "prefers mornings"));
    Map<String, Object> agent = new LinkedHashMap<>(Samples.participant(null, "agent", "Alice", "@acme_support"));
    agent.put("userId", "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");

    Api.Response created =
        acme.api().post(PATH, Map.of("mediaType", "message", "messengerType", "twitter", "participants", List.of(customer, agent)));

    assertThat(created.status()).isEqualTo(201);
    JsonNode participants = created.json().get("participants");
    assertThat(created.json().get("messengerType").asText()).isEqualTo("twitter");
    assertThat(participants.get(0).get("externalContactId").asText()).isEqualTo("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
    assertThat(participants.get(0).get("attributes").get("loyalty").asText()).isEqualTo("gold");
    assertThat(participants.get(1).get("userId").asText()).isEqualTo("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
    assertThat(participants.get(0).get("id").asText()).hasSize(36);
  }

  @Test
  void listsNewestFirstInPages() {
    Tenant acme = newTenant("Acme");
    for (int day = 1; day <= 3; day++) {
      Map<String, Object> body = new HashMap<>(Samples.voiceCall("Caller " + day, "030 100000" + day));
      body.put("startTime", "2024-03-0" + day + "T09:00:00Z");
      body.remove("endTime");
      acme.api().post(PATH, body);
    }

    Api.Response page1 = acme.api().get(PATH + "?pageSize=2&pageNumber=1");
    Api.Response page2 = acme.api().get(PATH + "?pageSize=2&pageNumber=2");

    assertThat(page1.json().get("total").asLong()).isEqualTo(3);
    assertThat(page1.json().get("pageCount").asLong()).isEqualTo(2);
    assertThat(page1.json().get("entities").findValuesAsText("startTime"))
        .containsExactly("2024-03-03T09:00:00Z", "2024-03-02T09:00:00Z");
    assertThat(page1.json().get("nextUri").asText()).isEqualTo(PATH + "?pageSize=2&pageNumber=2");
    assertThat(page2.json().get("entities")).hasSize(1);
    assertThat(page2.json().get("entities").get(0).get("participants").get(0).get("name").asText()).isEqualTo("Caller 1");
  }

  @Test
  void messagesCanBeAddedLater() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post(PATH, Samples.whatsApp("Kim", "+49 171 1234567")).json().get("id").asText();

    Api.Response added = acme.api().post(PATH + "/" + id + "/messages", Map.of("participantId", CUSTOMER, "body", "Any news?"));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("body").asText()).isEqualTo("Any news?");
    assertThat(added.json().get("timestamp").asText()).isNotBlank();
    JsonNode messages = acme.api().get(PATH + "/" + id).json().get("messages");
    assertThat(messages).hasSize(3);
    assertThat(messages.get(2).get("body").asText()).isEqualTo("Any news?");
  }

  @Test
  void aMessageFromSomeoneWhoIsNotAParticipantIsRefused() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post(PATH, Samples.whatsApp("Kim", "+49 171 1234567")).json().get("id").asText();
    long before = count("conversation_messages");

    Api.Response response =
        acme.api().post(PATH + "/" + id + "/messages", Map.of("participantId", "33333333-3333-4333-8333-333333333333"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactly("participantId", "body");
    assertThat(count("conversation_messages")).isEqualTo(before);
  }

  @Test
  void updatingAParticipantRewritesTheIndex() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, Samples.voiceCall("Kim Meyer", "030 1234567")).json().get("id").asText();

    Api.Response patched =
        acme.api().patch(PATH + "/" + id + "/participants/" + CUSTOMER, Map.of("name", "Kim Schulz", "address", "+49 30 7654321"));

    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("name").asText()).isEqualTo("Kim Schulz");
    assertThat(index.lookup(org, IdentifierKind.NAME, "kim meyer", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.NAME, "Schulz Kim", "conversations")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.PHONE, "030 7654321", "conversations")).containsExactly(id);
    Api.Response invalid = acme.api().patch(PATH + "/" + id + "/participants/" + CUSTOMER, Map.of("address", "not a phone"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().get("details").get(0).get("fieldName").asText()).isEqualTo("address");
    assertThat(acme.api().patch(PATH + "/" + id + "/participants/nope", Map.of("name", "X")).status()).isEqualTo(404);
  }

  @Test
  void deletingAConversationRemovesItAndItsIndexEntries() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String id = acme.api().post(PATH, Samples.email("Kim", "kim@example.com")).json().get("id").asText();
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "KIM@example.com", "conversations")).containsExactly(id);

    assertThat(acme.api().delete(PATH + "/" + id).status()).isEqualTo(204);

    assertThat(acme.api().get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(acme.api().delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "kim@example.com", "conversations")).isEmpty();
    assertThat(count("conversation_participants")).isZero();
    assertThat(count("conversation_messages")).isZero();
  }

  @Test
  void theIndexHoldsTheCustomerSideButNeitherAgentsNorCustomAttributes() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    Map<String, Object> customer = new LinkedHashMap<>(Samples.participant(CUSTOMER, "customer", "Kim Meyer", "+49 171 1234567"));
    customer.put("attributes", Map.of("email", "hidden@example.com"));
    Map<String, Object> body =
        Map.of("mediaType", "message", "messengerType", "whatsapp",
            "participants", List.of(customer, Samples.participant(AGENT, "agent", "Alice Agent", "+49 30 9999999")));

    String id = acme.api().post(PATH, body).json().get("id").asText();

    assertThat(index.lookup(org, IdentifierKind.PHONE, "0171 1234567", "conversations")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.WHATSAPP, "+491711234567", "conversations")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "meyer kim", "conversations")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "Alice Agent", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+49 30 9999999", "conversations")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "hidden@example.com", "conversations")).isEmpty();
  }

  @Test
  void socialHandlesAreIndexedForTheirPlatform() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    Map<String, String> handles = Map.of("twitter", "@Kim_Tweets", "facebook", "kim.meyer.77", "instagram", "kim.gram", "apple", "urn:mbid:ABC123");
    Map<String, String> ids = new HashMap<>();
    for (var handle : handles.entrySet()) {
      ids.put(
          handle.getKey(),
          acme.api()
              .post(PATH, Map.of("mediaType", "message", "messengerType", handle.getKey(),
                  "participants", List.of(Samples.participant(null, "customer", null, handle.getValue()))))
              .json().get("id").asText());
    }

    assertThat(index.lookup(org, IdentifierKind.TWITTER, "kim_tweets", "conversations")).containsExactly(ids.get("twitter"));
    assertThat(index.lookup(org, IdentifierKind.FACEBOOK, "Kim.Meyer.77", "conversations")).containsExactly(ids.get("facebook"));
    assertThat(index.lookup(org, IdentifierKind.INSTAGRAM, "@kim.gram", "conversations")).containsExactly(ids.get("instagram"));
    assertThat(index.lookup(org, IdentifierKind.APPLE_MESSAGES, "urn:mbid:abc123", "conversations")).containsExactly(ids.get("apple"));
  }

  @Test
  void aBadEmailAddressOnAnEmailInteractionIsNamedAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    long conversations = count("conversations");
    long indexed = count("identifier_index");
    Map<String, Object> body =
        Map.of("mediaType", "email",
            "participants", List.of(
                Samples.participant(null, "agent", "Alice", "alice@example.com"),
                Samples.participant(null, "customer", "Kim", "kim(at)example")));

    Api.Response response = acme.api().post(PATH, body);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asText()).isEqualTo("invalid.value");
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactly("participants[1].address");
    assertThat(response.json().get("message").asText()).contains("participants[1].address", "e-mail");
    assertThat(count("conversations")).isEqualTo(conversations);
    assertThat(count("conversation_participants")).isZero();
    assertThat(count("identifier_index")).isEqualTo(indexed);
  }

  @Test
  void everyInvalidFieldIsNamed() {
    Tenant acme = newTenant("Acme");

    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "fax", "participants", List.of(Map.of("purpose", "customer"))))))
        .containsExactly("mediaType");
    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "message", "participants", List.of(Map.of("purpose", "customer"))))))
        .containsExactly("messengerType");
    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "message", "messengerType", "myspace", "participants", List.of(Map.of("purpose", "customer"))))))
        .containsExactly("messengerType");
    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "voice", "messengerType", "whatsapp", "participants", List.of(Map.of("purpose", "customer"))))))
        .containsExactly("messengerType");
    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "voice"))))
        .containsExactly("participants");
    assertThat(fieldsOf(acme.api().post(PATH, Map.of("mediaType", "voice",
            "startTime", "2024-03-01T10:00:00Z", "endTime", "2024-03-01T09:00:00Z",
            "participants", List.of(Map.of("purpose", "wizard", "address", "call me maybe"), Map.of("id", "x", "purpose", "agent")),
            "messages", List.of(Map.of("participantId", CUSTOMER, "body", "hi"))))))
        .containsExactly("endTime", "participants[0].purpose", "participants[0].address", "participants[1].id", "messages[0].participantId");
    assertThat(fieldsOf(acme.api().post(PATH, "{\"mediaType\":\"voice\",\"startTime\":\"yesterday\"}")))
        .containsExactly("startTime");
    assertThat(fieldsOf(acme.api().post(PATH, "{\"mediaType\":\"voice\",\"participants\":[{\"purpose\":\"customer\",\"attributes\":{\"a\":{\"b\":1}}}]}")))
        .containsExactly("participants[0].attributes.a");
    assertThat(count("conversations")).isZero();
  }

  @Test
  void anotherOrgsConversationIsNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = acme.api().post(PATH, Samples.email("Kim", "kim@example.com")).json().get("id").asText();

    assertThat(globex.api().get(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().delete(PATH + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().post(PATH + "/" + id + "/messages", Map.of("participantId", CUSTOMER, "body", "x")).status()).isEqualTo(404);
    assertThat(globex.api().patch(PATH + "/" + id + "/participants/" + CUSTOMER, Map.of("name", "X")).status()).isEqualTo(404);
    assertThat(globex.api().get(PATH).json().get("total").asLong()).isZero();
    assertThat(globex.api().get(PATH + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(acme.api().get(PATH + "/" + id).json().get("participants").get(0).get("name").asText()).isEqualTo("Kim");
  }

  @Test
  void eachOperationNeedsItsPermission() {
    Tenant acme = newTenant("Acme");
    Api.Response client =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("conversation:interaction:view")));
    Api viewer = anonymous().withToken(anonymous().token(client.json().get("id").asText(), client.json().get("secret").asText()));
    String id = acme.api().post(PATH, Samples.email("Kim", "kim@example.com")).json().get("id").asText();

    assertThat(viewer.get(PATH + "/" + id).status()).isEqualTo(200);
    Api.Response create = viewer.post(PATH, Samples.email("Kim", "kim@example.com"));
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.json().get("message").asText()).contains("conversation:interaction:add");
    assertThat(viewer.post(PATH + "/" + id + "/messages", Map.of("participantId", CUSTOMER, "body", "x")).json().get("message").asText())
        .contains("conversation:interaction:edit");
    assertThat(viewer.delete(PATH + "/" + id).json().get("message").asText()).contains("conversation:interaction:delete");
    assertThat(count("conversations")).isEqualTo(1);
  }

  private static List<String> fieldsOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").findValuesAsText("fieldName");
  }
}

package io.datarights.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.support.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalContactsApiTest extends ContactsTestSupport {

  @Test
  void createsAContactInTheGenesysShapeWithPhoneNumbersCompletedFromTheOrgsRegion() {
    Tenant acme = newTenant("Acme");

    JsonNode created = create(acme.api(), FULL_CONTACT);

    String id = created.get("id").asText();
    assertThat(created.get("selfUri").asText()).isEqualTo(CONTACTS + "/" + id);
    assertThat(created.get("firstName").asText()).isEqualTo("Jürgen");
    assertThat(created.get("middleName").asText()).isEqualTo("Karl");
    assertThat(created.get("workPhone").get("display").asText()).isEqualTo("030 1234567");
    assertThat(created.get("workPhone").get("e164").asText()).isEqualTo("+49301234567");
    assertThat(created.get("workPhone").get("countryCode").asText()).isEqualTo("DE");
    assertThat(created.get("homePhone").get("display").asText()).as("e164 alone is also shown").isEqualTo("+4940123456");
    assertThat(created.get("otherPhone").get("e164").asText()).isEqualTo("+13175550123");
    assertThat(created.get("otherPhone").get("countryCode").asText()).isEqualTo("US");
    assertThat(created.get("whatsAppId").get("phoneNumber").get("e164").asText()).isEqualTo("+4915123456789");
    assertThat(created.get("whatsAppId").get("displayName").asText()).isEqualTo("Jürgen");
    assertThat(created.get("workEmail").asText()).isEqualTo("J.Mueller@Example.com");
    assertThat(created.get("address").get("city").asText()).isEqualTo("Berlin");
    assertThat(created.get("twitterId").get("screenName").asText()).isEqualTo("@JuergenM");
    assertThat(created.get("facebookId").get("displayName").asText()).isEqualTo("juergen.mueller");
    assertThat(created.get("instagramId").get("screenName").asText()).isEqualTo("jm_insta");
    assertThat(created.get("appleMessagesId").get("value").asText()).isEqualTo("urn:biz:jm-apple");
    assertThat(created.get("externalIds").get(0).get("externalSource").asText()).isEqualTo("crm");
    assertThat(created.get("customFields").get("visits").asInt()).isEqualTo(12);
    assertThat(created.has("someFieldGenesysMightAdd")).as("unknown fields are ignored").isFalse();
    assertThat(created.has("canonicalContact")).as("in no merge set").isFalse();
    assertThat(created.get("createdDate").asText()).isEqualTo(created.get("modifiedDate").asText());
    assertThat(get(acme.api(), id)).isEqualTo(created);
  }

  @Test
  void indexesEveryIdentifierButNotCustomFieldKeys() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);

    assertThat(lookup(acme, IdentifierKind.NAME, "muller jurgen karl")).containsExactly(id);
    for (String phone : List.of("+49 30 1234567", "0171 2345678", "040 123456", "+13175550123", "0151 23456789")) {
      assertThat(lookup(acme, IdentifierKind.PHONE, phone)).as(phone).containsExactly(id);
    }
    for (String email : List.of("j.mueller@example.com", "juergen@example.org", "JM@example.net", "assistant@example.com")) {
      assertThat(lookup(acme, IdentifierKind.EMAIL, email)).as(email).containsExactly(id);
    }
    assertThat(lookup(acme, IdentifierKind.ADDRESS, "Hauptstrasse 5, Hinterhaus, Berlin, BE 10115")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.ADDRESS, "Hauptstraße 5")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.TWITTER, "juergenm")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.FACEBOOK, "Juergen.Mueller")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.INSTAGRAM, "@jm_insta")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.APPLE_MESSAGES, "urn:biz:jm-apple")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.WHATSAPP, "+49 151 23456789")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.EXTERNAL_ID, "crm-0042")).containsExactly(id);
    assertThat(jdbc.sql("select count(*) from identifier_index where normalized_value in ('loyaltytier', 'gold', 'visits')")
            .query(Long.class).single())
        .as("custom field keys and plain values are not searched")
        .isZero();
  }

  @Test
  void listsTheOrgsContactsInPagesInCreationOrder() {
    Tenant acme = newTenant("Acme");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(createId(acme.api(), Map.of("lastName", "Person " + i)));
      clock.advance(java.time.Duration.ofSeconds(1));
    }

    JsonNode page1 = acme.api().get(CONTACTS + "?pageSize=2&pageNumber=1").json();
    JsonNode page2 = acme.api().get(CONTACTS + "?pageSize=2&pageNumber=2").json();

    assertThat(page1.get("total").asLong()).isEqualTo(3);
    assertThat(page1.get("pageCount").asLong()).isEqualTo(2);
    assertThat(page1.get("entities").findValuesAsText("id")).containsExactly(ids.get(0), ids.get(1));
    assertThat(page1.get("nextUri").asText()).isEqualTo(CONTACTS + "?pageSize=2&pageNumber=2");
    assertThat(page2.get("entities").findValuesAsText("id")).containsExactly(ids.get(2));
    assertThat(acme.api().get(CONTACTS + "?pageSize=0").json().get("details").get(0).get("fieldName").asText())
        .isEqualTo("pageSize");
  }

  @Test
  void updateReplacesTheContactAndItsIndexedIdentifiers() {
    Tenant acme = newTenant("Acme");
    JsonNode created = create(acme.api(), Map.of("firstName", "Ann", "lastName", "Lee", "workEmail", "ann@old.example"));
    String id = created.get("id").asText();
    clock.advance(java.time.Duration.ofMinutes(5));

    Api.Response updated =
        acme.api().put(CONTACTS + "/" + id, Map.of("firstName", "Ann", "lastName", "Lee-Park", "personalEmail", "ann@new.example",
            "id", "ignored", "createdDate", "2000-01-01T00:00:00Z"));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("id").asText()).isEqualTo(id);
    assertThat(updated.json().get("lastName").asText()).isEqualTo("Lee-Park");
    assertThat(updated.json().has("workEmail")).as("PUT replaces the whole contact").isFalse();
    assertThat(updated.json().get("createdDate")).isEqualTo(created.get("createdDate"));
    assertThat(updated.json().get("modifiedDate")).isNotEqualTo(created.get("modifiedDate"));
    assertThat(lookup(acme, IdentifierKind.EMAIL, "ann@old.example")).isEmpty();
    assertThat(lookup(acme, IdentifierKind.EMAIL, "ann@new.example")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.NAME, "Ann Lee")).isEmpty();
    assertThat(lookup(acme, IdentifierKind.NAME, "Lee-Park Ann")).containsExactly(id);
  }

  @Test
  void deleteRemovesTheContactAndItsIdentifiers() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);

    assertThat(acme.api().delete(CONTACTS + "/" + id).status()).isEqualTo(204);

    assertThat(acme.api().get(CONTACTS + "/" + id).status()).isEqualTo(404);
    assertThat(acme.api().delete(CONTACTS + "/" + id).status()).isEqualTo(404);
    assertThat(count("external_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void anUnparseablePhoneNumberIsA400NamingTheFieldAndWritesNothing() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), Map.of("lastName", "Lee", "cellPhone", Map.of("display", "0171 2345678")));
    long contacts = count("external_contacts");
    long identifiers = count("identifier_index");

    Api.Response created = acme.api().post(CONTACTS, Map.of("lastName", "Kim", "cellPhone", Map.of("display", "call me maybe")));
    Api.Response updated = acme.api().put(CONTACTS + "/" + id, Map.of("lastName", "Lee", "cellPhone", Map.of("display", "12345678901234567890")));
    Api.Response whatsApp =
        acme.api().post(CONTACTS, Map.of("whatsAppId", Map.of("phoneNumber", Map.of("e164", "+49 nope"))));

    assertThat(created.status()).isEqualTo(400);
    assertThat(fieldNames(created)).containsExactly("cellPhone.display");
    assertThat(created.json().get("code").asText()).isEqualTo("invalid.value");
    assertThat(created.text()).doesNotContain("call me maybe");
    assertThat(fieldNames(updated)).containsExactly("cellPhone.display");
    assertThat(fieldNames(whatsApp)).containsExactly("whatsAppId.phoneNumber.e164");
    assertThat(count("external_contacts")).isEqualTo(contacts);
    assertThat(count("identifier_index")).isEqualTo(identifiers);
    assertThat(get(acme.api(), id).get("cellPhone").get("e164").asText()).isEqualTo("+491712345678");
  }

  @Test
  void invalidEmailsExternalIdsAndOverlongValuesAreNamed() {
    Tenant acme = newTenant("Acme");

    Api.Response email = acme.api().post(CONTACTS, Map.of("lastName", "Kim", "personalEmail", "kim at example"));
    Api.Response externalId =
        acme.api().post(CONTACTS, Map.of("lastName", "Kim", "externalIds", List.of(Map.of("externalSource", "crm"))));
    Api.Response tooLong = acme.api().post(CONTACTS, Map.of("address", Map.of("city", "x".repeat(300))));
    Api.Response wrongType = acme.api().post(CONTACTS, Map.of("workPhone", "030 1234567"));

    assertThat(email.status()).isEqualTo(400);
    assertThat(fieldNames(email)).containsExactly("personalEmail");
    assertThat(fieldNames(externalId)).containsExactly("externalIds[0].value");
    assertThat(fieldNames(tooLong)).containsExactly("address.city");
    assertThat(fieldNames(wrongType)).containsExactly("workPhone");
    assertThat(count("external_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void anotherOrgsContactIsNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = createId(acme.api(), FULL_CONTACT);
    long identifiers = count("identifier_index");

    assertThat(globex.api().get(CONTACTS + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().put(CONTACTS + "/" + id, Map.of("lastName", "Hijacked")).status()).isEqualTo(404);
    assertThat(globex.api().delete(CONTACTS + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(CONTACTS).json().get("total").asLong()).isZero();
    assertThat(globex.api().get(CONTACTS + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(get(acme.api(), id).get("lastName").asText()).isEqualTo("Müller");
    assertThat(count("identifier_index")).as("the failed update wrote no identifiers").isEqualTo(identifiers);
  }

  @Test
  void eachOperationNeedsItsPermission() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), Map.of("lastName", "Lee"));
    Api.Response viewer =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("externalContacts:contact:view")));
    Api limited = anonymous().withToken(anonymous().token(viewer.json().get("id").asText(), viewer.json().get("secret").asText()));

    assertThat(limited.get(CONTACTS + "/" + id).status()).isEqualTo(200);
    assertThat(limited.post(CONTACTS, Map.of("lastName", "Kim")).json().get("message").asText())
        .contains("externalContacts:contact:add");
    assertThat(limited.put(CONTACTS + "/" + id, Map.of("lastName", "Kim")).status()).isEqualTo(403);
    assertThat(limited.delete(CONTACTS + "/" + id).status()).isEqualTo(403);
    assertThat(limited.post(MERGE, Map.of("sourceContactId", id, "targetContactId", id)).status()).isEqualTo(403);
    assertThat(count("external_contacts")).isEqualTo(1);
  }

  private static List<String> fieldNames(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").findValuesAsText("fieldName");
  }
}

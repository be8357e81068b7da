package io.datarights.outbound;

import static io.datarights.outbound.OutboundFixtures.LISTS;
import static io.datarights.outbound.OutboundFixtures.addContact;
import static io.datarights.outbound.OutboundFixtures.contacts;
import static io.datarights.outbound.OutboundFixtures.createList;
import static io.datarights.outbound.OutboundFixtures.customerList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContactListsTest extends IntegrationTest {

  @Autowired IdentifierIndex index;

  @Test
  void createsAListAndReadsItBack() {
    Tenant acme = newTenant("Acme");

    Api.Response created = acme.api().post(LISTS, customerList("Spring campaign"));

    assertThat(created.status()).isEqualTo(201);
    JsonNode list = created.json();
    String id = list.get("id").asText();
    assertThat(created.header("Location")).endsWith(LISTS + "/" + id);
    assertThat(list.get("name").asText()).isEqualTo("Spring campaign");
    assertThat(list.get("columnNames").toString()).isEqualTo("[\"firstName\",\"lastName\",\"phone\",\"email\",\"notes\"]");
    assertThat(list.get("phoneColumns").toString()).isEqualTo("[{\"columnName\":\"phone\",\"type\":\"cell\"}]");
    assertThat(list.get("emailColumns").toString()).isEqualTo("[{\"columnName\":\"email\",\"type\":\"personal\"}]");
    assertThat(list.get("size").asLong()).isZero();
    assertThat(list.get("dateCreated").asText()).endsWith("Z");
    assertThat(list.get("selfUri").asText()).isEqualTo(LISTS + "/" + id);

    Api.Response fetched = acme.api().get(LISTS + "/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(list);
  }

  @Test
  void sizeCountsTheListsContacts() {
    Tenant acme = newTenant("Acme");
    String id = createList(acme.api(), "Spring campaign");
    addContact(acme.api(), id, "Anna", "Berg", "030 1234567", "anna@example.com");
    addContact(acme.api(), id, "Bert", "Cole", "030 7654321", "bert@example.com");

    assertThat(acme.api().get(LISTS + "/" + id).json().get("size").asLong()).isEqualTo(2);
    assertThat(acme.api().get(LISTS).json().get("entities").get(0).get("size").asLong()).isEqualTo(2);
  }

  @Test
  void listsTheOrgsListsInPages() {
    Tenant acme = newTenant("Acme");
    for (int i = 1; i <= 3; i++) {
      clock.advance(java.time.Duration.ofSeconds(1));
      createList(acme.api(), "List " + i);
    }

    Api.Response page2 = acme.api().get(LISTS + "?pageSize=2&pageNumber=2");

    assertThat(page2.status()).isEqualTo(200);
    assertThat(page2.json().get("entities").findValuesAsText("name")).containsExactly("List 3");
    assertThat(page2.json().get("total").asLong()).isEqualTo(3);
    assertThat(page2.json().get("pageCount").asLong()).isEqualTo(2);
    assertThat(page2.json().get("previousUri").asText()).isEqualTo(LISTS + "?pageSize=2&pageNumber=1");
    assertThat(page2.json().has("nextUri")).isFalse();
    assertThat(acme.api().get(LISTS + "?pageSize=2").json().get("entities").findValuesAsText("name"))
        .containsExactly("List 1", "List 2");
    assertThat(acme.api().get(LISTS + "?pageSize=0").status()).isEqualTo(400);
  }

  @Test
  void updatesTheNameAndColumns() {
    Tenant acme = newTenant("Acme");
    String id = createList(acme.api(), "Spring campaign");
    Map<String, Object> changed = new HashMap<>(customerList("Summer campaign"));
    changed.put("columnNames", List.of("firstName", "lastName", "phone", "email", "notes", "homePhone"));
    changed.put("phoneColumns", List.of(Map.of("columnName", "phone", "type", "cell"), Map.of("columnName", "homePhone", "type", "home")));

    Api.Response updated = acme.api().put(LISTS + "/" + id, changed);

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("name").asText()).isEqualTo("Summer campaign");
    assertThat(acme.api().get(LISTS + "/" + id).json().get("phoneColumns").findValuesAsText("columnName"))
        .containsExactly("phone", "homePhone");
  }

  @Test
  void removingAColumnRemovesItsValuesFromTheContacts() {
    Tenant acme = newTenant("Acme");
    String id = createList(acme.api(), "Spring campaign");
    String contact = addContact(acme.api(), id, "Anna", "Berg", "030 1234567", "anna@example.com");
    Map<String, Object> withoutEmail =
        Map.of("name", "Spring campaign", "columnNames", List.of("firstName", "lastName", "phone", "notes"),
            "phoneColumns", List.of(Map.of("columnName", "phone")));

    assertThat(acme.api().put(LISTS + "/" + id, withoutEmail).status()).isEqualTo(200);

    JsonNode data = acme.api().get(contacts(id) + "/" + contact).json().get("data");
    assertThat(data.has("email")).isFalse();
    assertThat(data.get("phone").asText()).isEqualTo("030 1234567");
    OrgId org = OrgId.of(acme.orgId());
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "anna@example.com", "outbound")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+49 30 1234567", "outbound")).containsExactly(contact);
  }

  @Test
  void typingAColumnIndexesItsValuesAndRefusesValuesThatDoNotFit() {
    Tenant acme = newTenant("Acme");
    String id = createList(acme.api(), "Spring campaign");
    Api.Response added =
        acme.api().post(contacts(id), List.of(
            Map.of("data", Map.of("firstName", "Anna", "notes", "+49 30 555 0101")),
            Map.of("data", Map.of("firstName", "Bert", "notes", "call after 6pm"))));
    assertThat(added.status()).isEqualTo(200);
    Map<String, Object> notesAsPhone = new HashMap<>(customerList("Spring campaign"));
    notesAsPhone.put("phoneColumns", List.of(Map.of("columnName", "phone"), Map.of("columnName", "notes")));

    Api.Response refused = acme.api().put(LISTS + "/" + id, notesAsPhone);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("fieldName").asText()).isEqualTo("phoneColumns[1].columnName");
    assertThat(acme.api().get(LISTS + "/" + id).json().get("phoneColumns")).hasSize(1);

    String bert = added.json().get(1).get("id").asText();
    assertThat(acme.api().delete(contacts(id) + "/" + bert).status()).isEqualTo(204);
    assertThat(acme.api().put(LISTS + "/" + id, notesAsPhone).status()).isEqualTo(200);
    assertThat(index.lookup(OrgId.of(acme.orgId()), IdentifierKind.PHONE, "030 5550101", "outbound"))
        .containsExactly(added.json().get(0).get("id").asText());
  }

  @Test
  void aDuplicateNameIsAConflictIgnoringCase() {
    Tenant acme = newTenant("Acme");
    String first = createList(acme.api(), "Spring campaign");
    String second = createList(acme.api(), "Summer campaign");
    long before = count("outbound_contact_lists");

    Api.Response duplicate = acme.api().post(LISTS, customerList("SPRING campaign"));
    Api.Response renamed = acme.api().put(LISTS + "/" + second, customerList("spring CAMPAIGN"));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(renamed.status()).isEqualTo(409);
    assertThat(count("outbound_contact_lists")).isEqualTo(before);
    assertThat(acme.api().put(LISTS + "/" + first, customerList("Spring campaign")).status())
        .as("a list keeps its own name")
        .isEqualTo(200);
    assertThat(newTenant("Globex").api().post(LISTS, customerList("Spring campaign")).status())
        .as("names are unique per org only")
        .isEqualTo(201);
  }

  @Test
  void invalidDefinitionsNameTheFieldAndWriteNothing() {
    Tenant acme = newTenant("Acme");
    long before = count("outbound_contact_lists");

    assertThat(fieldOf(acme.api().post(LISTS, Map.of("columnNames", List.of("a"))))).isEqualTo("name");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of("name", "L")))).isEqualTo("columnNames");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of("name", "L", "columnNames", List.of())))).isEqualTo("columnNames");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of("name", "L", "columnNames", List.of("a", " "))))).isEqualTo("columnNames[1]");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of("name", "L", "columnNames", List.of("phone", "Phone"))))).isEqualTo("columnNames[1]");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of(
            "name", "L", "columnNames", List.of("phone"), "phoneColumns", List.of(Map.of("columnName", "mobile"))))))
        .isEqualTo("phoneColumns[0].columnName");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of(
            "name", "L", "columnNames", List.of("phone", "email"),
            "phoneColumns", List.of(Map.of("columnName", "phone")),
            "emailColumns", List.of(Map.of("columnName", "email"), Map.of("columnName", "phone"))))))
        .isEqualTo("emailColumns[1].columnName");
    assertThat(fieldOf(acme.api().post(LISTS, Map.of("name", "L", "columnNames", "phone")))).isEqualTo("columnNames");
    assertThat(count("outbound_contact_lists")).isEqualTo(before);

    String id = createList(acme.api(), "Spring campaign");
    Api.Response badUpdate = acme.api().put(LISTS + "/" + id, Map.of("name", "", "columnNames", List.of("a")));
    assertThat(fieldOf(badUpdate)).isEqualTo("name");
    assertThat(acme.api().get(LISTS + "/" + id).json().get("name").asText()).isEqualTo("Spring campaign");
  }

  @Test
  void deletingAListDeletesItsContactsAndTheirIndexEntries() {
    Tenant acme = newTenant("Acme");
    String doomed = createList(acme.api(), "Spring campaign");
    String kept = createList(acme.api(), "Summer campaign");
    String contact = addContact(acme.api(), doomed, "Anna", "Berg", "030 1234567", "anna@example.com");
    String other = addContact(acme.api(), kept, "Anna", "Berg", "030 1234567", "anna@example.com");

    assertThat(acme.api().delete(LISTS + "/" + doomed).status()).isEqualTo(204);

    assertThat(acme.api().get(LISTS + "/" + doomed).status()).isEqualTo(404);
    assertThat(acme.api().get(contacts(doomed) + "/" + contact).status()).isEqualTo(404);
    assertThat(count("outbound_contacts")).isEqualTo(1);
    OrgId org = OrgId.of(acme.orgId());
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "anna@example.com", "outbound")).containsExactly(other);
    assertThat(index.lookup(org, IdentifierKind.NAME, "berg anna", "outbound")).containsExactly(other);
    assertThat(acme.api().delete(LISTS + "/" + doomed).status()).isEqualTo(404);
  }

  @Test
  void anotherOrgsListsAreNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = createList(acme.api(), "Spring campaign");

    assertThat(globex.api().get(LISTS + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().put(LISTS + "/" + id, customerList("Stolen")).status()).isEqualTo(404);
    assertThat(globex.api().delete(LISTS + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(LISTS).json().get("total").asLong()).isZero();
    assertThat(globex.api().get(LISTS + "/not-a-uuid").status()).isEqualTo(404);
    assertThat(acme.api().get(LISTS + "/" + id).json().get("name").asText()).isEqualTo("Spring campaign");
  }

  @Test
  void aClientWithoutOutboundPermissionsIsRefused() {
    Tenant acme = newTenant("Acme");
    Api.Response viewer =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("outbound:contact:view")));
    Api limited = anonymous().withToken(anonymous().token(viewer.json().get("id").asText(), viewer.json().get("secret").asText()));

    assertThat(limited.get(LISTS).status()).isEqualTo(200);
    Api.Response refused = limited.post(LISTS, customerList("Sneaky"));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("outbound:contact:add");
    assertThat(count("outbound_contact_lists")).isZero();
  }

  static String fieldOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").get(0).get("fieldName").asText();
  }
}

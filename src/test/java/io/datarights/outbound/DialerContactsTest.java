package io.datarights.outbound;

import static io.datarights.outbound.OutboundFixtures.addContact;
import static io.datarights.outbound.OutboundFixtures.contact;
import static io.datarights.outbound.OutboundFixtures.contacts;
import static io.datarights.outbound.OutboundFixtures.createList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DialerContactsTest extends IntegrationTest {

  @Autowired IdentifierIndex index;
  @Autowired OutboundContacts outboundContacts;

  @Test
  void addsContactsGenesysStyleAndReadsThemBack() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response added =
        acme.api().post(contacts(list), List.of(
            contact("Anna", "Berg", "030 1234567", "anna@example.com"),
            Map.of("data", Map.of("notes", "no name yet", "phone", "+49 40 7654321"), "callable", false)));

    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    assertThat(added.json()).hasSize(2);
    JsonNode anna = added.json().get(0);
    String id = anna.get("id").asText();
    assertThat(anna.get("contactListId").asText()).isEqualTo(list);
    assertThat(anna.get("data").toString())
        .as("data in the list's column order")
        .isEqualTo("{\"firstName\":\"Anna\",\"lastName\":\"Berg\",\"phone\":\"030 1234567\",\"email\":\"anna@example.com\"}");
    assertThat(anna.get("callable").asBoolean()).isTrue();
    assertThat(anna.get("selfUri").asText()).isEqualTo(contacts(list) + "/" + id);
    assertThat(added.json().get(1).get("callable").asBoolean()).isFalse();

    Api.Response fetched = acme.api().get(contacts(list) + "/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json()).isEqualTo(anna);
    assertThat(outboundContacts.find(OrgId.of(acme.orgId()), list, id)).get()
        .extracting(DialerContact::data)
        .isEqualTo(Map.of("firstName", "Anna", "lastName", "Berg", "phone", "030 1234567", "email", "anna@example.com"));
  }

  @Test
  void listsAListsContactsInPagesInTheOrderTheyWereAdded() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    List<Object> batch = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      batch.add(Map.of("data", Map.of("firstName", "Person " + i)));
    }
    acme.api().post(contacts(list), batch);

    Api.Response page2 = acme.api().get(contacts(list) + "?pageSize=2&pageNumber=2");

    assertThat(page2.status()).isEqualTo(200);
    assertThat(page2.json().get("entities").findValuesAsText("firstName")).containsExactly("Person 3", "Person 4");
    assertThat(page2.json().get("total").asLong()).isEqualTo(5);
    assertThat(page2.json().get("pageCount").asLong()).isEqualTo(3);
    assertThat(page2.json().get("nextUri").asText()).isEqualTo(contacts(list) + "?pageSize=2&pageNumber=3");
  }

  @Test
  void updatesAContactAndItsIndexEntries() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String list = createList(acme.api(), "Spring campaign");
    String id = addContact(acme.api(), list, "Anna", "Berg", "030 1234567", "anna@example.com");

    Api.Response updated =
        acme.api().put(contacts(list) + "/" + id, Map.of(
            "id", id, "contactListId", list, "callable", false,
            "data", Map.of("firstName", "Anna", "lastName", "Holm", "phone", "030 999888", "email", "anna@example.org")));

    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("data").get("lastName").asText()).isEqualTo("Holm");
    assertThat(updated.json().get("callable").asBoolean()).isFalse();
    assertThat(acme.api().get(contacts(list) + "/" + id).json()).isEqualTo(updated.json());
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "anna@example.com", "outbound")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+4930999888", "outbound")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "Holm Anna", "outbound")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "Anna Berg", "outbound")).isEmpty();
  }

  @Test
  void indexesPhoneAndEmailColumnsAndTheNameOnCreate() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    String list = createList(acme.api(), "Spring campaign");

    String id = addContact(acme.api(), list, "Jürgen", "Müller", "030 1234567", "J.Mueller@Example.com");

    assertThat(index.lookup(org, IdentifierKind.PHONE, "+49 (30) 123-4567", "outbound")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "j.mueller@example.com", "outbound")).containsExactly(id);
    assertThat(index.lookup(org, IdentifierKind.NAME, "muller jurgen", "outbound")).containsExactly(id);
    assertThat(count("identifier_index")).isEqualTo(3);
  }

  @Test
  void aFullNameColumnIsIndexedAsAName() {
    Tenant acme = newTenant("Acme");
    Api.Response list = acme.api().post(OutboundFixtures.LISTS, Map.of("name", "Leads", "columnNames", List.of("Full Name", "Mobile")));
    String listId = list.json().get("id").asText();

    Api.Response added = acme.api().post(contacts(listId), List.of(Map.of("data", Map.of("Full Name", "Zoë Adams", "Mobile", "0170 1234567"))));

    String id = added.json().get(0).get("id").asText();
    assertThat(index.lookup(OrgId.of(acme.orgId()), IdentifierKind.NAME, "adams zoe", "outbound")).containsExactly(id);
    assertThat(index.lookup(OrgId.of(acme.orgId()), IdentifierKind.PHONE, "0170 1234567", "outbound"))
        .as("an untyped column is not a phone column")
        .isEmpty();
  }

  @Test
  void deletesAContactAndItsIndexEntries() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    String id = addContact(acme.api(), list, "Anna", "Berg", "030 1234567", "anna@example.com");

    assertThat(acme.api().delete(contacts(list) + "/" + id).status()).isEqualTo(204);

    assertThat(acme.api().get(contacts(list) + "/" + id).status()).isEqualTo(404);
    assertThat(acme.api().delete(contacts(list) + "/" + id).status()).isEqualTo(404);
    assertThat(count("identifier_index")).isZero();
    assertThat(acme.api().get(OutboundFixtures.LISTS + "/" + list).json().get("size").asLong()).isZero();
  }

  @Test
  void anUnknownColumnIsRefusedNamingItAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response response =
        acme.api().post(contacts(list), List.of(
            contact("Anna", "Berg", "030 1234567", "anna@example.com"),
            Map.of("data", Map.of("firstName", "Bert", "fax", "030 1"))));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").get(0).get("fieldName").asText()).isEqualTo("data.fax");
    assertThat(response.json().get("message").asText()).contains("Contact 2").contains("fax");
    assertThat(count("outbound_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void aBadPhoneOrEmailIsRefusedNamingTheColumnAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response badPhone =
        acme.api().post(contacts(list), List.of(
            contact("Anna", "Berg", "030 1234567", "anna@example.com"),
            contact("Bert", "Cole", "call me", "bert@example.com")));
    Api.Response badEmail = acme.api().post(contacts(list), List.of(contact("Anna", "Berg", "030 1234567", "anna at example")));

    assertThat(ContactListsTest.fieldOf(badPhone)).isEqualTo("data.phone");
    assertThat(ContactListsTest.fieldOf(badEmail)).isEqualTo("data.email");
    assertThat(count("outbound_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();

    String id = addContact(acme.api(), list, "Anna", "Berg", "030 1234567", "anna@example.com");
    Api.Response badUpdate = acme.api().put(contacts(list) + "/" + id, contact("Anna", "Berg", "ring me", "anna@example.com"));
    assertThat(ContactListsTest.fieldOf(badUpdate)).isEqualTo("data.phone");
    assertThat(acme.api().get(contacts(list) + "/" + id).json().get("data").get("phone").asText()).isEqualTo("030 1234567");
  }

  @Test
  void malformedBodiesAreRefusedNamingTheProblem() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    assertThat(ContactListsTest.fieldOf(acme.api().post(contacts(list), List.of(Map.of("callable", true))))).isEqualTo("data");
    assertThat(ContactListsTest.fieldOf(acme.api().post(contacts(list), Map.of("data", Map.of())))).isNotBlank();
    assertThat(ContactListsTest.fieldOf(acme.api().post(contacts(list), "[{\"data\": {\"notes\": {\"nested\": 1}}}]")))
        .contains("data.notes");
    assertThat(count("outbound_contacts")).isZero();
  }

  @Test
  void anotherOrgsContactsAreNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String list = createList(acme.api(), "Spring campaign");
    String id = addContact(acme.api(), list, "Anna", "Berg", "030 1234567", "anna@example.com");
    String globexList = createList(globex.api(), "Spring campaign");

    assertThat(globex.api().get(contacts(list)).status()).isEqualTo(404);
    assertThat(globex.api().get(contacts(list) + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get(contacts(globexList) + "/" + id).status())
        .as("a contact is found through its own list only")
        .isEqualTo(404);
    assertThat(globex.api().put(contacts(list) + "/" + id, contact("X", "Y", "030 1", "x@example.com")).status()).isEqualTo(404);
    assertThat(globex.api().delete(contacts(list) + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().delete(contacts(globexList) + "/" + id).status()).isEqualTo(404);
    assertThat(globex.api().post(contacts(list), List.of(contact("X", "Y", "030 1234567", "x@example.com"))).status()).isEqualTo(404);
    assertThat(globex.api().get(contacts(globexList)).json().get("total").asLong()).isZero();
    assertThat(outboundContacts.find(OrgId.of(globex.orgId()), list, id)).isEmpty();
    assertThat(acme.api().get(contacts(list) + "/" + id).json().get("data").get("firstName").asText()).isEqualTo("Anna");
    assertThat(count("outbound_contacts")).isEqualTo(1);
  }
}

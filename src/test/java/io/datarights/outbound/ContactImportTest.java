package io.datarights.outbound;

import static io.datarights.outbound.OutboundFixtures.LISTS;
import static io.datarights.outbound.OutboundFixtures.contacts;
import static io.datarights.outbound.OutboundFixtures.createList;
import static io.datarights.outbound.OutboundFixtures.importCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.shared.OrgId;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ContactImportTest extends IntegrationTest {

  @Autowired IdentifierIndex index;

  @Test
  void importsTheRowsOfACsvFileAsContactsAndIndexesThem() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    String csv =
        """
        firstName,lastName,phone,email,notes
        Anna,Berg,030 1234567,anna@example.com,"likes ""quotes"", commas"
        Bert,Cole,+49 40 7654321,,"two
        lines"
        """;

    Api.Response response = importCsv(acme.api(), list, csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("imported").asLong()).isEqualTo(2);
    Api.Response listed = acme.api().get(contacts(list));
    assertThat(listed.json().get("total").asLong()).isEqualTo(2);
    var anna = listed.json().get("entities").get(0);
    assertThat(anna.get("data").get("notes").asText()).isEqualTo("likes \"quotes\", commas");
    assertThat(anna.get("callable").asBoolean()).isTrue();
    assertThat(listed.json().get("entities").get(1).get("data").get("notes").asText()).isEqualTo("two\nlines");
    assertThat(acme.api().get(LISTS + "/" + list).json().get("size").asLong()).isEqualTo(2);
    OrgId org = OrgId.of(acme.orgId());
    String annaId = anna.get("id").asText();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "+49 30 1234567", "outbound")).containsExactly(annaId);
    assertThat(index.lookup(org, IdentifierKind.EMAIL, "ANNA@example.com", "outbound")).containsExactly(annaId);
    assertThat(index.lookup(org, IdentifierKind.NAME, "berg anna", "outbound")).containsExactly(annaId);
  }

  @Test
  void theHeaderMayNameSomeColumnsInAnyOrderAndCase() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    byte[] csv = "\uFEFFPhone,FIRSTNAME\r\n030 1234567,Anna\r\n\r\n".getBytes(StandardCharsets.UTF_8);

    Api.Response response = importCsv(acme.api(), list, csv);

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().get("imported").asLong()).isEqualTo(1);
    assertThat(acme.api().get(contacts(list)).json().get("entities").get(0).get("data").toString())
        .isEqualTo("{\"firstName\":\"Anna\",\"phone\":\"030 1234567\"}");
  }

  @Test
  void anUnknownHeaderColumnIsRefusedNamingItAndNothingIsImported() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response response = importCsv(acme.api(), list, "firstName,fax,pager\nAnna,1,2\n");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactly("row 1: fax", "row 1: pager");
    assertThat(response.json().get("details").findValuesAsText("errorCode")).containsOnly("unknown.column");
    assertThat(response.json().get("message").asText()).contains("fax, pager");
    assertThat(count("outbound_contacts")).isZero();
  }

  @Test
  void badRowsAreReportedRowByRowAndNothingIsImported() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    StringBuilder csv = new StringBuilder("firstName,lastName,phone,email\n");
    for (int i = 2; i <= 20; i++) {
      String phone = i == 17 ? "call me" : "030 " + (1000000 + i);
      String email = i == 9 ? "nobody-at-example" : "p" + i + "@example.com";
      csv.append(i == 12 ? "Only,three,values\n" : "P" + i + ",L" + i + "," + phone + "," + email + "\n");
    }

    Api.Response response = importCsv(acme.api(), list, csv.toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("code").asText()).isEqualTo("invalid.value");
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactly("row 9: email", "row 12", "row 17: phone");
    assertThat(response.json().get("details").findValuesAsText("errorCode"))
        .containsExactly("invalid.email", "wrong.column.count", "invalid.phone");
    assertThat(response.json().get("message").asText())
        .startsWith("Nothing was imported: 3 rows")
        .contains("row 17: phone is not a phone number")
        .contains("row 12 has 3 values for 4 columns");
    assertThat(response.json().has("contextId")).isTrue();
    assertThat(response.json().get("errors")).isEmpty();
    assertThat(count("outbound_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void aBadRowAfterManyGoodOnesStillImportsNothing() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    StringBuilder csv = new StringBuilder("firstName,phone\n");
    for (int i = 0; i < 12_000; i++) {
      csv.append("P").append(i).append(",030 ").append(1000000 + i).append('\n');
    }
    csv.append("Last,not a phone\n");

    Api.Response response = importCsv(acme.api(), list, csv.toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details").findValuesAsText("fieldName")).containsExactly("row 12002: phone");
    assertThat(count("outbound_contacts")).isZero();
    assertThat(count("identifier_index")).isZero();
  }

  @Test
  void aReportListsAtMostAHundredProblems() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");
    StringBuilder csv = new StringBuilder("phone\n");
    for (int i = 0; i < 250; i++) {
      csv.append("nope\n");
    }

    Api.Response response = importCsv(acme.api(), list, csv.toString());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("details")).hasSize(100);
    assertThat(response.json().get("message").asText()).contains("250 rows").contains("the first 100 of 250 problems");
  }

  @Test
  void malformedEmptyOrMissingFilesAreRefusedNamingTheFile() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response unclosed = importCsv(acme.api(), list, "firstName,notes\nAnna,\"never closed\nBert,x\n");
    Api.Response empty = importCsv(acme.api(), list, "");
    Api.Response noFile =
        acme.api().send("POST", contacts(list) + "/import", "multipart/form-data; boundary=xyz", "--xyz--\r\n".getBytes(StandardCharsets.UTF_8));
    Api.Response json = acme.api().post(contacts(list) + "/import", Map.of("file", "a,b"));

    assertThat(ContactListsTest.fieldOf(unclosed)).isEqualTo("file");
    assertThat(unclosed.json().get("message").asText()).contains("row 1").doesNotContain("Exception");
    assertThat(ContactListsTest.fieldOf(empty)).isEqualTo("file");
    assertThat(ContactListsTest.fieldOf(noFile)).isEqualTo("file");
    assertThat(json.status()).isEqualTo(415);
    Api.Response latin1 = importCsv(acme.api(), list, "firstName\nJ\u00fcrgen\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(ContactListsTest.fieldOf(latin1)).isEqualTo("file");
    assertThat(latin1.json().get("message").asText()).contains("UTF-8");
    assertThat(count("outbound_contacts")).isZero();
  }

  @Test
  void aHeaderOnlyFileImportsNothingSuccessfully() {
    Tenant acme = newTenant("Acme");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response response = importCsv(acme.api(), list, "firstName,phone\n");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("imported").asLong()).isZero();
  }

  @Test
  void anotherOrgsListCannotBeImportedInto() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String list = createList(acme.api(), "Spring campaign");

    Api.Response response = importCsv(globex.api(), list, "firstName\nMallory\n");

    assertThat(response.status()).isEqualTo(404);
    assertThat(importCsv(globex.api(), "not-a-uuid", "firstName\nMallory\n").status()).isEqualTo(404);
    assertThat(count("outbound_contacts")).isZero();
    assertThat(acme.api().get(contacts(list)).json().get("total").asLong()).isZero();
  }
}

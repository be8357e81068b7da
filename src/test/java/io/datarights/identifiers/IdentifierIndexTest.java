package io.datarights.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentifierIndexTest extends IntegrationTest {

  @Autowired IdentifierIndex index;

  @Test
  void findsARecordByAnyFormattingOfItsIdentifiers() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    index.replace(
        acme, "externalContacts", "c1",
        List.of(Identifier.name("Jürgen Müller"), Identifier.email("J.Mueller@Example.com"), Identifier.phone("030 1234567")));

    assertThat(index.lookup(acme, IdentifierKind.NAME, "muller jurgen")).containsExactly(new IndexedRecord("externalContacts", "c1"));
    assertThat(index.lookup(acme, IdentifierKind.EMAIL, " j.mueller@example.COM")).hasSize(1);
    assertThat(index.lookup(acme, IdentifierKind.PHONE, "+49 (30) 123-4567")).hasSize(1);
    assertThat(index.lookup(acme, IdentifierKind.PHONE, "+1 30 1234567")).isEmpty();
  }

  @Test
  void replacingAndRemovingARecordsIdentifiersLeavesNoneBehind() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    index.replace(acme, "directory", "u1", List.of(Identifier.email("old@example.com")));
    index.replace(acme, "directory", "u1", List.of(Identifier.email("new@example.com")));

    assertThat(index.lookup(acme, IdentifierKind.EMAIL, "old@example.com")).isEmpty();
    assertThat(index.lookup(acme, IdentifierKind.EMAIL, "new@example.com")).hasSize(1);

    index.remove(acme, "directory", "u1");
    assertThat(index.lookup(acme, IdentifierKind.EMAIL, "new@example.com")).isEmpty();
  }

  @Test
  void bulkWritesIndexManyRecordsAndRemoveThemAgain() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    List<IdentifierIndex.RecordIdentifiers> records = new java.util.ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      records.add(new IdentifierIndex.RecordIdentifiers("r" + i, List.of(Identifier.email("p" + i + "@example.com"), Identifier.phone("+49 30 " + (1000000 + i)))));
    }

    index.addAll(acme, "outbound", records);

    assertThat(count("identifier_index")).isEqualTo(24_000);
    assertThat(index.lookup(acme, IdentifierKind.PHONE, "030 1011999", "outbound")).containsExactly("r11999");
    assertThat(index.lookup(acme, IdentifierKind.PHONE, "030 1011999", "directory")).isEmpty();
    index.removeAll(acme, "outbound", List.of("r1", "r11999"));
    assertThat(count("identifier_index")).isEqualTo(23_996);
  }

  @Test
  void oneQueryFindsTheRecordsOfAnyOfSeveralIdentifiersInOneService() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    index.replace(acme, "externalContacts", "c1", List.of(Identifier.email("a@example.com")));
    index.replace(acme, "externalContacts", "c2", List.of(Identifier.phone("+49 30 1234567")));
    index.replace(acme, "directory", "u1", List.of(Identifier.email("a@example.com")));

    var found = index.lookupAny(acme, List.of(Identifier.email("A@Example.com"), Identifier.phone("030 1234567"), Identifier.phone("not a phone")), "externalContacts");

    assertThat(found).containsExactly("c1", "c2");
  }

  @Test
  void anotherOrgsIdentifiersAreNeverFound() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    OrgId globex = OrgId.of(newTenant("Globex").orgId());
    index.replace(acme, "directory", "u1", List.of(Identifier.email("shared@example.com")));

    assertThat(index.lookup(globex, IdentifierKind.EMAIL, "shared@example.com")).isEmpty();
  }

  @Test
  void searchIsAnIndexLookupNotAScan() {
    OrgId acme = OrgId.of(newTenant("Acme").orgId());
    index.replace(acme, "directory", "u1", List.of(Identifier.email("a@example.com")));
    jdbc.sql(
            """
            insert into identifier_index (org_id, kind, normalized_value, service, record_id)
            select ?, 'EMAIL', 'person' || i || '@example.com', 'directory', 'r' || i
            from generate_series(1, 20000) as i
            """)
        .param(acme.value())
        .update();
    jdbc.sql("analyze identifier_index").update();

    String plan =
        String.join(
            "\n",
            jdbc.sql(
                    "explain select service, record_id from identifier_index where org_id = ? and kind = 'EMAIL' and normalized_value = 'a@example.com'")
                .param(acme.value())
                .query(String.class)
                .list());

    assertThat(plan).doesNotContain("Seq Scan");
  }
}

package io.datarights.outbound;

import static io.datarights.outbound.OutboundFixtures.LISTS;
import static io.datarights.outbound.OutboundFixtures.addContact;
import static io.datarights.outbound.OutboundFixtures.contacts;
import static io.datarights.outbound.OutboundFixtures.createList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierIndex;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.ExportSink;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboundPersonalDataTest extends IntegrationTest {

  @Autowired List<PersonalDataService> services;
  @Autowired IdentifierIndex index;

  PersonalDataService outbound;
  Tenant acme;
  OrgId org;
  String spring;
  String summer;
  String annaSpring;
  String annaSummer;
  String bert;

  @BeforeEach
  void twoListsWithAnnaInBothAndBertInOne() {
    outbound = services.stream().filter(s -> s.name().equals("outbound")).findFirst().orElseThrow();
    acme = newTenant("Acme");
    org = OrgId.of(acme.orgId());
    spring = createList(acme.api(), "Spring campaign");
    summer = createList(acme.api(), "Summer campaign");
    annaSpring = addContact(acme.api(), spring, "Anna", "Berg", "030 1234567", "Anna.Berg@Example.com");
    annaSummer = addContact(acme.api(), summer, "Anna", "Berg", "+49 30 123 4567", "anna.berg@example.com");
    bert = addContact(acme.api(), spring, "Bert", "Cole", "030 7654321", "bert@example.com");
  }

  @Test
  void describesItselfAsDeletingDialerContacts() {
    assertThat(outbound.inventory().service()).isEqualTo("outbound");
    assertThat(outbound.inventory().erasureMode()).isEqualTo(ErasureMode.DELETE);
    assertThat(outbound.inventory().fields()).isNotEmpty();
    assertThat(outbound.inventory().legalBasis()).contains("Art. 6(1)");
  }

  @Test
  void findsTheSubjectByAnyFormattingOfPhoneEmailOrName() {
    List<SubjectMatch> byPhone = outbound.findSubjects(org, Identifier.phone("+49 (30) 123-4567"));
    List<SubjectMatch> byEmail = outbound.findSubjects(org, Identifier.email("  ANNA.BERG@example.COM"));
    List<SubjectMatch> byName = outbound.findSubjects(org, Identifier.name("berg, anna"));

    assertThat(byPhone).extracting(SubjectMatch::ref)
        .containsExactlyInAnyOrder(SubjectRef.dialerContact(spring, annaSpring), SubjectRef.dialerContact(summer, annaSummer));
    assertThat(byEmail).extracting(SubjectMatch::ref).isEqualTo(byPhone.stream().map(SubjectMatch::ref).toList());
    assertThat(byName).hasSize(2);
    SubjectMatch match = byPhone.stream().filter(m -> m.ref().id().equals(annaSpring)).findFirst().orElseThrow();
    assertThat(match.name()).isEqualTo("Anna Berg");
    assertThat(match.identifiers())
        .containsExactlyInAnyOrder(Identifier.phone("030 1234567"), Identifier.email("Anna.Berg@Example.com"), Identifier.name("Anna Berg"));
    assertThat(outbound.findSubjects(org, Identifier.address("Anna Berg"))).isEmpty();
    assertThat(outbound.findSubjects(org, Identifier.phone("030 9999999"))).isEmpty();
  }

  @Test
  void anotherOrgNeverFindsTheSubject() {
    Tenant globex = newTenant("Globex");

    assertThat(outbound.findSubjects(OrgId.of(globex.orgId()), Identifier.phone("030 1234567"))).isEmpty();
    assertThat(outbound.resolve(OrgId.of(globex.orgId()), SubjectRef.dialerContact(spring, annaSpring))).isEmpty();
    assertThat(outbound.remaining(OrgId.of(globex.orgId()), SubjectTerms.of(SubjectRef.dialerContact(spring, annaSpring)))).isZero();
  }

  @Test
  void resolvesADialerContactIdWithinItsList() {
    assertThat(outbound.resolve(org, SubjectRef.dialerContact(spring, annaSpring)))
        .get()
        .satisfies(m -> {
          assertThat(m.name()).isEqualTo("Anna Berg");
          assertThat(m.identifiers()).contains(Identifier.email("Anna.Berg@Example.com"));
        });
    assertThat(outbound.resolve(org, new SubjectRef(io.datarights.privacy.SubjectType.DIALER_CONTACT, annaSpring, null))).isPresent();
    assertThat(outbound.resolve(org, SubjectRef.dialerContact(summer, annaSpring))).as("the wrong list").isEmpty();
    assertThat(outbound.resolve(org, SubjectRef.dialerContact(spring, "nope"))).isEmpty();
    assertThat(outbound.resolve(org, SubjectRef.user(annaSpring))).isEmpty();
  }

  @Test
  void exportsEveryRecordOfTheSubjectWithItsListNameAndColumns() {
    List<Map<String, Object>> records = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    ExportSink sink = new ExportSink() {
      @Override
      public void record(String recordType, String recordId, Map<String, Object> fields) {
        assertThat(recordType).isEqualTo("dialerContact");
        ids.add(recordId);
        records.add(fields);
      }

      @Override
      public void file(String recordId, String fileName, String contentType, long size, FileContent content) {
        throw new AssertionError("dialer contacts have no files");
      }
    };

    ServiceOutcome outcome = outbound.export(org, SubjectTerms.of(Identifier.email("anna.berg@example.com")), sink);

    assertThat(outcome.matched()).isEqualTo(2);
    assertThat(outcome.exported()).isEqualTo(2);
    assertThat(ids).containsExactlyInAnyOrder(annaSpring, annaSummer);
    Map<String, Object> spring = records.get(ids.indexOf(annaSpring));
    assertThat(spring.get("contactListName")).isEqualTo("Spring campaign");
    assertThat(spring.get("contactListId")).isEqualTo(this.spring);
    assertThat(spring.get("columnNames")).isEqualTo(List.of("firstName", "lastName", "phone", "email", "notes"));
    assertThat(spring.get("phoneColumns")).isEqualTo(List.of(Map.of("columnName", "phone", "type", "cell")));
    assertThat(spring.get("data"))
        .isEqualTo(Map.of("firstName", "Anna", "lastName", "Berg", "phone", "030 1234567", "email", "Anna.Berg@Example.com"));
    assertThat(spring.get("callable")).isEqualTo(true);
  }

  @Test
  void rectifiesPhoneEmailAndNameWhereTheyMatchAndReindexes() {
    acme.api().put(contacts(spring) + "/" + annaSpring, Map.of("data", Map.of(
        "firstName", "Anna", "lastName", "Berg", "phone", "030 1234567", "email", "Anna.Berg@Example.com",
        "notes", "030 1234567")));

    ServiceOutcome outcome =
        outbound.rectify(org, SubjectTerms.of(Identifier.phone("+4930 1234567")), List.of(
            new ReplacementTerm(IdentifierKind.PHONE, "+49 30 1234567", "+49 30 7777777"),
            new ReplacementTerm(IdentifierKind.EMAIL, "ANNA.BERG@example.com", "anna@holm.example"),
            new ReplacementTerm(IdentifierKind.NAME, "Berg Anna", "Anna Maria Holm")));

    assertThat(outcome.matched()).isEqualTo(2);
    assertThat(outcome.updated()).isEqualTo(2);
    var data = acme.api().get(contacts(spring) + "/" + annaSpring).json().get("data");
    assertThat(data.get("phone").asText()).isEqualTo("+49 30 7777777");
    assertThat(data.get("email").asText()).isEqualTo("anna@holm.example");
    assertThat(data.get("firstName").asText()).isEqualTo("Anna Maria");
    assertThat(data.get("lastName").asText()).isEqualTo("Holm");
    assertThat(data.get("notes").asText()).as("free-form columns are never rewritten").isEqualTo("030 1234567");
    assertThat(index.lookup(org, IdentifierKind.PHONE, "030 1234567", "outbound")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "030 7777777", "outbound")).containsExactlyInAnyOrder(annaSpring, annaSummer);
    assertThat(index.lookup(org, IdentifierKind.NAME, "Holm Anna Maria", "outbound")).hasSize(2);
    assertThat(acme.api().get(contacts(spring) + "/" + bert).json().get("data").get("phone").asText()).isEqualTo("030 7654321");
  }

  @Test
  void rectifyingALastNameAloneChangesOnlyTheLastName() {
    ServiceOutcome outcome =
        outbound.rectify(org, SubjectTerms.of(SubjectRef.dialerContact(spring, annaSpring)), List.of(
            new ReplacementTerm(IdentifierKind.NAME, "Berg", "Holm")));

    assertThat(outcome.updated()).isEqualTo(1);
    var data = acme.api().get(contacts(spring) + "/" + annaSpring).json().get("data");
    assertThat(data.get("firstName").asText()).isEqualTo("Anna");
    assertThat(data.get("lastName").asText()).isEqualTo("Holm");
    assertThat(acme.api().get(contacts(summer) + "/" + annaSummer).json().get("data").get("lastName").asText())
        .as("only the named contact")
        .isEqualTo("Berg");
  }

  @Test
  void rectifyRefusesAnUpdatedPhoneThatIsNoPhoneNumber() {
    assertThatThrownBy(() -> outbound.rectify(org, SubjectTerms.of(Identifier.phone("030 1234567")), List.of(
            new ReplacementTerm(IdentifierKind.PHONE, "030 1234567", "call me"))))
        .isInstanceOf(ApiException.class);
    assertThat(acme.api().get(contacts(spring) + "/" + annaSpring).json().get("data").get("phone").asText()).isEqualTo("030 1234567");
  }

  @Test
  void eraseDeletesEveryRecordOfTheSubjectAndIsIdempotent() {
    Tenant globex = newTenant("Globex");
    String globexList = createList(globex.api(), "Spring campaign");
    String globexAnna = addContact(globex.api(), globexList, "Anna", "Berg", "030 1234567", "anna.berg@example.com");
    SubjectTerms terms = new SubjectTerms(Set.of(Identifier.email("anna.berg@example.com")), Set.of());

    ServiceOutcome first = outbound.erase(org, terms);

    assertThat(first.matched()).isEqualTo(2);
    assertThat(first.deleted()).isEqualTo(2);
    assertThat(first.anonymized()).isZero();
    assertThat(acme.api().get(contacts(spring) + "/" + annaSpring).status()).isEqualTo(404);
    assertThat(acme.api().get(contacts(summer) + "/" + annaSummer).status()).isEqualTo(404);
    assertThat(acme.api().get(LISTS + "/" + spring).json().get("size").asLong()).isEqualTo(1);
    assertThat(acme.api().get(LISTS + "/" + summer).json().get("size").asLong()).isZero();
    assertThat(index.lookup(org, IdentifierKind.PHONE, "030 1234567", "outbound")).isEmpty();
    assertThat(index.lookup(org, IdentifierKind.NAME, "Anna Berg", "outbound")).isEmpty();
    assertThat(outbound.remaining(org, terms)).isZero();

    ServiceOutcome second = outbound.erase(org, terms);
    assertThat(second.matched()).isZero();
    assertThat(second.deleted()).isZero();
    assertThat(outbound.remaining(org, terms)).isZero();

    assertThat(acme.api().get(contacts(spring) + "/" + bert).status()).as("another person").isEqualTo(200);
    assertThat(globex.api().get(contacts(globexList) + "/" + globexAnna).status()).as("another org").isEqualTo(200);
    assertThat(outbound.remaining(OrgId.of(globex.orgId()), terms)).isEqualTo(1);
  }

  @Test
  void eraseByDialerContactIdDeletesThatContactOnly() {
    SubjectTerms terms = SubjectTerms.of(SubjectRef.dialerContact(summer, annaSummer));
    assertThat(outbound.remaining(org, terms)).isEqualTo(1);

    ServiceOutcome outcome = outbound.erase(org, terms);

    assertThat(outcome.deleted()).isEqualTo(1);
    assertThat(outbound.remaining(org, terms)).isZero();
    assertThat(outbound.erase(org, terms).deleted()).isZero();
    assertThat(acme.api().get(contacts(spring) + "/" + annaSpring).status()).isEqualTo(200);
    assertThat(index.lookup(org, IdentifierKind.PHONE, "030 1234567", "outbound")).containsExactly(annaSpring);
  }
}

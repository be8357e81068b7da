package io.datarights.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import io.datarights.support.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryPersonalDataTest extends IntegrationTest {

  @Autowired List<PersonalDataService> services;
  @Autowired PersonalStatuses personalStatuses;

  PersonalDataService directory;
  Tenant acme;
  OrgId org;

  @BeforeEach
  void setUp() {
    directory = services.stream().filter(s -> s.name().equals("directory")).findFirst().orElseThrow();
    acme = newTenant("Acme");
    org = OrgId.of(acme.orgId());
  }

  private String createUser(Tenant tenant, String name, String email, String phone, String state) {
    var response =
        tenant.api().post(
            "/api/v2/users",
            Map.of(
                "name", name, "email", email, "state", state, "title", "Agent", "personalStatus", "At the dentist",
                "phoneNumbers", List.of(Map.of("type", "WORK", "display", phone))));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asText();
  }

  private Map<String, Object> row(String id) {
    return jdbc.sql("select * from directory_users where user_id = ?::uuid").param(id).query().singleRow();
  }

  @Test
  void theInventoryDeclaresRetentionWhileLawfulAndLeavesThePersonalStatusUnsearched() {
    var inventory = directory.inventory();

    assertThat(inventory.erasureMode()).isEqualTo(ErasureMode.RETAIN_WHILE_LAWFUL);
    assertThat(inventory.legalBasis()).contains("Art. 6(1)(f)");
    assertThat(inventory.fields()).filteredOn(f -> f.name().equals("personalStatus")).singleElement()
        .satisfies(f -> assertThat(f.searched()).isFalse());
    assertThat(inventory.fields()).filteredOn(f -> f.searched()).extracting(f -> f.name())
        .containsExactlyInAnyOrder("name", "email", "phoneNumbers");
  }

  @Test
  void findsAUserByAnyFormattingOfItsPhoneEmailOrName() {
    String id = createUser(acme, "Jürgen Müller", "J.Mueller@Acme.example", "030 1234567", "active");
    createUser(acme, "Someone Else", "else@acme.example", "030 7654321", "active");

    for (Identifier identifier :
        List.of(
            Identifier.phone("+49 (30) 123-4567"),
            Identifier.phone("0049301234567"),
            Identifier.phone("030/1234567"),
            Identifier.email("  j.mueller@ACME.example"),
            Identifier.name("muller jurgen"))) {
      List<SubjectMatch> matches = directory.findSubjects(org, identifier);
      assertThat(matches).as(identifier.toString()).singleElement().satisfies(m -> {
        assertThat(m.ref()).isEqualTo(SubjectRef.user(id));
        assertThat(m.name()).isEqualTo("Jürgen Müller");
        assertThat(m.identifiers()).contains(Identifier.email("J.Mueller@Acme.example"), Identifier.phone("+49301234567"));
      });
    }
    assertThat(directory.findSubjects(org, Identifier.phone("+1 30 1234567"))).isEmpty();
  }

  @Test
  void thePersonalStatusIsNotSearchedButCanBeReadForTheScanner() {
    String id = createUser(acme, "Nia", "nia@acme.example", "030 1234567", "active");

    assertThat(directory.findSubjects(org, Identifier.name("At the dentist"))).isEmpty();
    List<PersonalStatuses.PersonalStatus> seen = new ArrayList<>();
    personalStatuses.forEach(org, seen::add);
    assertThat(seen).containsExactly(new PersonalStatuses.PersonalStatus(id, "At the dentist"));
  }

  @Test
  void anotherOrgsUsersAreNeverFound() {
    createUser(newTenant("Globex"), "Nia", "nia@acme.example", "030 1234567", "active");

    assertThat(directory.findSubjects(org, Identifier.email("nia@acme.example"))).isEmpty();
  }

  @Test
  void resolvesItsOwnUserIdsOnly() {
    String id = createUser(acme, "Olga", "olga@acme.example", "030 1234567", "active");
    OrgId globex = OrgId.of(newTenant("Globex").orgId());

    assertThat(directory.resolve(org, SubjectRef.user(id))).get().satisfies(m -> {
      assertThat(m.name()).isEqualTo("Olga");
      assertThat(m.identifiers()).contains(Identifier.email("olga@acme.example"));
    });
    assertThat(directory.resolve(org, SubjectRef.externalContact(id))).isEmpty();
    assertThat(directory.resolve(globex, SubjectRef.user(id))).isEmpty();
    assertThat(directory.resolve(org, SubjectRef.user("nope"))).isEmpty();
  }

  @Test
  void exportsEveryMatchingUserWithAllItsFields() {
    String byEmail = createUser(acme, "Pia", "pia@acme.example", "030 1111111", "active");
    String byRef = createUser(acme, "Pia Two", "pia2@acme.example", "030 2222222", "inactive");
    createUser(acme, "Not Pia", "other@acme.example", "030 3333333", "active");
    RecordingSink sink = new RecordingSink();

    ServiceOutcome outcome =
        directory.export(org, new SubjectTerms(Set.of(Identifier.email("PIA@acme.example")), Set.of(SubjectRef.user(byRef))), sink);

    assertThat(outcome.matched()).isEqualTo(2);
    assertThat(outcome.exported()).isEqualTo(2);
    assertThat(sink.records).extracting(RecordingSink.Recorded::id).containsExactlyInAnyOrder(byEmail, byRef);
    RecordingSink.Recorded pia = sink.records.stream().filter(r -> r.id().equals(byEmail)).findFirst().orElseThrow();
    assertThat(pia.type()).isEqualTo("user");
    assertThat(pia.fields())
        .containsEntry("name", "Pia")
        .containsEntry("email", "pia@acme.example")
        .containsEntry("title", "Agent")
        .containsEntry("state", "active")
        .containsEntry("personalStatus", "At the dentist")
        .containsEntry("phoneNumbers", List.of(Map.of("type", "WORK", "display", "030 1111111", "e164", "+49301111111")));
  }

  @Test
  void rectifyReplacesTheExistingValuesAndReindexes() {
    String id = createUser(acme, "Quinn Old", "quinn.old@acme.example", "030 1234567", "active");
    String other = createUser(acme, "Ray", "ray@acme.example", "030 7654321", "active");

    ServiceOutcome outcome =
        directory.rectify(
            org,
            SubjectTerms.of(SubjectRef.user(id)),
            List.of(
                new ReplacementTerm(IdentifierKind.NAME, "quinn old", "Quinn New"),
                new ReplacementTerm(IdentifierKind.EMAIL, "Quinn.Old@acme.example", "quinn.new@acme.example"),
                new ReplacementTerm(IdentifierKind.PHONE, "+49 30 1234567", "030 9999999")));

    assertThat(outcome.matched()).isEqualTo(1);
    assertThat(outcome.updated()).isEqualTo(1);
    var user = acme.api().get("/api/v2/users/" + id).json();
    assertThat(user.get("name").asText()).isEqualTo("Quinn New");
    assertThat(user.get("email").asText()).isEqualTo("quinn.new@acme.example");
    assertThat(user.get("phoneNumbers").get(0).get("e164").asText()).isEqualTo("+49309999999");
    assertThat(directory.findSubjects(org, Identifier.email("quinn.old@acme.example"))).isEmpty();
    assertThat(directory.findSubjects(org, Identifier.phone("030 9999999"))).hasSize(1);
    assertThat(directory.findSubjects(org, Identifier.name("Quinn New"))).hasSize(1);
    assertThat(acme.api().get("/api/v2/users/" + other).json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void rectifySkipsAnInvalidOrTakenValueAndSaysWhyWithoutTheValue() {
    String id = createUser(acme, "Sam", "sam@acme.example", "030 1234567", "active");
    createUser(acme, "Tom", "tom@acme.example", "030 7654321", "active");

    ServiceOutcome outcome =
        directory.rectify(
            org,
            SubjectTerms.of(Identifier.email("sam@acme.example")),
            List.of(
                new ReplacementTerm(IdentifierKind.EMAIL, "sam@acme.example", "tom@acme.example"),
                new ReplacementTerm(IdentifierKind.PHONE, "030 1234567", "no phone")));

    assertThat(outcome.updated()).isZero();
    assertThat(outcome.reasons()).hasSize(2).noneMatch(r -> r.contains("tom@") || r.contains("no phone"));
    assertThat(acme.api().get("/api/v2/users/" + id).json().get("email").asText()).isEqualTo("sam@acme.example");
  }

  @Test
  void erasureRetainsAnActiveUserNamingTheLegalBasis() {
    String id = createUser(acme, "Uma", "uma@acme.example", "030 1234567", "active");
    SubjectTerms terms = SubjectTerms.of(Identifier.email("uma@acme.example"));

    ServiceOutcome outcome = directory.erase(org, terms);

    assertThat(outcome.matched()).isEqualTo(1);
    assertThat(outcome.retained()).isEqualTo(1);
    assertThat(outcome.anonymized()).isZero();
    assertThat(outcome.reasons()).singleElement().asString()
        .contains("legitimate interest, GDPR Art. 6(1)(f): an active employee's name, work e-mail and work phone are needed to operate the platform");
    assertThat(row(id)).containsEntry("email", "uma@acme.example");
    assertThat(directory.remaining(org, terms)).as("retained users are not counted").isZero();
    assertThat(directory.findSubjects(org, Identifier.email("uma@acme.example"))).hasSize(1);
  }

  @Test
  void erasureAnonymizesAnInactiveUserInPlaceAndIsIdempotent() {
    String id = createUser(acme, "Vera Voss", "vera@acme.example", "030 1234567", "inactive");
    String bystander = createUser(acme, "Walt", "walt@acme.example", "030 7654321", "inactive");
    String otherOrg = createUser(newTenant("Globex"), "Vera Voss", "vera@acme.example", "030 1234567", "inactive");
    SubjectTerms terms = SubjectTerms.of(Identifier.phone("+49 30 1234567"));
    assertThat(directory.remaining(org, terms)).isEqualTo(1);

    ServiceOutcome first = directory.erase(org, terms);

    assertThat(first.matched()).isEqualTo(1);
    assertThat(first.anonymized()).isEqualTo(1);
    assertThat(first.retained()).isZero();
    var row = row(id);
    assertThat((String) row.get("name")).matches("Deleted user [0-9a-f]{8}");
    assertThat(row.get("email")).isNull();
    assertThat(row.get("email_key")).isNull();
    assertThat(row.get("title")).isNull();
    assertThat(row.get("personal_status")).isNull();
    assertThat(row.get("phone_numbers").toString()).isEqualTo("[]");
    assertThat(jdbc.sql("select count(*) from identifier_index where record_id = ?").param(id).query(Long.class).single()).isZero();
    assertThat(directory.remaining(org, terms)).isZero();
    assertThat(directory.remaining(org, SubjectTerms.of(SubjectRef.user(id)))).isZero();
    assertThat(acme.api().get("/api/v2/users/" + id).json().get("dateAnonymized").isTextual())
        .as("the row stays so that references keep working").isTrue();

    ServiceOutcome second = directory.erase(org, new SubjectTerms(terms.identifiers(), Set.of(SubjectRef.user(id))));
    assertThat(second.matched()).isZero();
    assertThat(second.anonymized()).isZero();
    assertThat(row(id).get("name")).isEqualTo(row.get("name"));

    assertThat(row(bystander)).containsEntry("email", "walt@acme.example");
    assertThat(row(otherOrg)).containsEntry("email", "vera@acme.example");
    assertThat(acme.api().patch("/api/v2/users/" + id, Map.of("name", "Back again")).status())
        .as("an anonymized user cannot be filled with data again").isEqualTo(409);
    assertThat(acme.api().post("/api/v2/users", Map.of("name", "Vera New", "email", "vera@acme.example")).status())
        .as("the anonymized user no longer holds the address").isEqualTo(201);
  }

  @Test
  void erasureOfAMixedMatchAnonymizesTheInactiveAndRetainsTheActive() {
    createUser(acme, "Xena", "xena@acme.example", "030 1234567", "active");
    createUser(acme, "Xena", "xena.old@acme.example", "030 7654321", "inactive");
    SubjectTerms terms = SubjectTerms.of(Identifier.name("xena"));

    ServiceOutcome outcome = directory.erase(org, terms);

    assertThat(outcome.matched()).isEqualTo(2);
    assertThat(outcome.anonymized()).isEqualTo(1);
    assertThat(outcome.retained()).isEqualTo(1);
    assertThat(directory.remaining(org, terms)).isZero();
  }
}

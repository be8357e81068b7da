package io.datarights.journey;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JourneyPersonalDataTest extends IntegrationTest {

  @Autowired List<PersonalDataService> services;

  PersonalDataService journey;
  Tenant acme;
  OrgId org;

  @BeforeEach
  void setUp() {
    journey = services.stream().filter(s -> s.name().equals("journey")).findFirst().orElseThrow();
    acme = newTenant("Acme");
    org = OrgId.of(acme.orgId());
  }

  private String track(Tenant tenant, String cookie, Map<String, String> traits) {
    tenant.api().put("/api/v2/journey/customers/cookie/" + cookie + "/consent", Map.of("tracking", true));
    var response =
        tenant.api().post(
            "/api/v2/journey/events",
            Map.of("customerId", cookie, "customerIdType", "cookie", "eventType", "form_submitted",
                "page", Map.of("url", "https://shop.example/contact", "title", "Contact"), "traits", traits));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("sessionId").asText();
  }

  private long rowsOf(String cookie) {
    return jdbc.sql(
            """
            select (select count(*) from journey_events where customer_id = :c)
                 + (select count(*) from journey_sessions where customer_id = :c)
                 + (select count(*) from journey_consents where customer_id = :c)
                 + (select count(*) from identifier_index where record_id = :c)
            """)
        .param("c", cookie)
        .query(Long.class)
        .single();
  }

  @Test
  void theInventoryDeclaresConsentAndDeletion() {
    assertThat(journey.inventory().erasureMode()).isEqualTo(ErasureMode.DELETE);
    assertThat(journey.inventory().legalBasis()).contains("Art. 6(1)(a)");
  }

  @Test
  void findsACustomerByAnyFormattingOfTheirTraits() {
    track(acme, "cookie-jane", Map.of("email", "Jane.Doe@Example.com", "phone", "030 1234567", "firstName", "Jane", "lastName", "Doe"));
    track(acme, "cookie-joe", Map.of("email", "joe@example.com"));

    for (Identifier identifier :
        List.of(
            Identifier.email(" jane.doe@EXAMPLE.com"),
            Identifier.phone("+49 (30) 123 45 67"),
            Identifier.phone("0049 30 1234567"),
            Identifier.name("Doe Jane"),
            Identifier.name("jane doe"))) {
      List<SubjectMatch> matches = journey.findSubjects(org, identifier);
      assertThat(matches).as(identifier.toString()).singleElement().satisfies(m -> {
        assertThat(m.ref()).isEqualTo(SubjectRef.journeyCustomer("cookie", "cookie-jane"));
        assertThat(m.name()).isEqualTo("Jane Doe");
        assertThat(m.identifiers()).contains(Identifier.email("Jane.Doe@Example.com"), Identifier.phone("030 1234567"));
      });
    }
    assertThat(journey.findSubjects(org, Identifier.email("nobody@example.com"))).isEmpty();
    assertThat(journey.findSubjects(OrgId.of(newTenant("Globex").orgId()), Identifier.email("joe@example.com"))).isEmpty();
  }

  @Test
  void resolvesItsOwnCustomersOnly() {
    track(acme, "cookie-ann", Map.of("email", "ann@example.com"));

    assertThat(journey.resolve(org, SubjectRef.journeyCustomer("cookie", "cookie-ann"))).get()
        .satisfies(m -> assertThat(m.identifiers()).containsExactly(Identifier.email("ann@example.com")));
    assertThat(journey.resolve(org, SubjectRef.journeyCustomer("cookie", "unknown"))).isEmpty();
    assertThat(journey.resolve(org, SubjectRef.user("cookie-ann"))).isEmpty();
    assertThat(journey.resolve(OrgId.of(newTenant("Globex").orgId()), SubjectRef.journeyCustomer("cookie", "cookie-ann"))).isEmpty();
  }

  @Test
  void exportsConsentSessionsAndEventsOfTheMatchingCustomer() {
    String session = track(acme, "cookie-bea", Map.of("email", "bea@example.com", "plan", "gold"));
    track(acme, "cookie-other", Map.of("email", "other@example.com"));
    RecordingSink sink = new RecordingSink();

    ServiceOutcome outcome = journey.export(org, SubjectTerms.of(Identifier.email("BEA@example.com")), sink);

    assertThat(outcome.exported()).isEqualTo(3);
    assertThat(sink.records).extracting(RecordingSink.Recorded::type).containsExactly("consent", "session", "event");
    assertThat(sink.records.get(0).fields()).containsEntry("tracking", true).containsKey("consentedDate");
    assertThat(sink.records.get(1).id()).isEqualTo(session);
    assertThat(sink.records.get(2).fields())
        .containsEntry("pageUrl", "https://shop.example/contact")
        .containsEntry("traits", Map.of("email", "bea@example.com", "plan", "gold"));
  }

  @Test
  void rectifyReplacesTraitValuesAndReindexes() {
    track(acme, "cookie-cat", Map.of("email", "cat.old@example.com", "phone", "030 1234567", "plan", "cat.old@example.com "));

    ServiceOutcome outcome =
        journey.rectify(
            org,
            SubjectTerms.of(SubjectRef.journeyCustomer("cookie", "cookie-cat")),
            List.of(
                new ReplacementTerm(IdentifierKind.EMAIL, "CAT.OLD@example.com", "cat.new@example.com"),
                new ReplacementTerm(IdentifierKind.PHONE, "+49 30 1234567", "+49 30 9999999")));

    assertThat(outcome.updated()).isEqualTo(1);
    assertThat(journey.findSubjects(org, Identifier.email("cat.old@example.com"))).isEmpty();
    assertThat(journey.findSubjects(org, Identifier.email("cat.new@example.com"))).hasSize(1);
    assertThat(journey.findSubjects(org, Identifier.phone("030 9999999"))).hasSize(1);
    assertThat(journey.findSubjects(org, Identifier.phone("030 1234567"))).isEmpty();
  }

  @Test
  void eraseDeletesEverythingOfTheCustomerIsIdempotentAndLeavesOthersAlone() {
    track(acme, "cookie-dan", Map.of("email", "dan@example.com"));
    track(acme, "cookie-dan", Map.of("phone", "030 1234567"));
    track(acme, "cookie-eve", Map.of("email", "eve@example.com"));
    Tenant globex = newTenant("Globex");
    track(globex, "cookie-dan", Map.of("email", "dan@example.com"));
    SubjectTerms terms = SubjectTerms.of(Identifier.email("dan@example.com"));
    assertThat(journey.remaining(org, terms)).isEqualTo(5); // consent, 2 sessions, 2 events

    ServiceOutcome first = journey.erase(org, terms);

    assertThat(first.deleted()).isEqualTo(5);
    assertThat(first.retained()).isZero();
    assertThat(journey.remaining(org, terms)).isZero();
    assertThat(journey.remaining(org, SubjectTerms.of(SubjectRef.journeyCustomer("cookie", "cookie-dan")))).isZero();
    assertThat(journey.findSubjects(org, Identifier.phone("030 1234567"))).isEmpty();
    ServiceOutcome second = journey.erase(org, terms);
    assertThat(second.deleted()).isZero();
    assertThat(rowsOf("cookie-eve")).isEqualTo(4); // consent, session, event and one index row
    assertThat(journey.findSubjects(OrgId.of(globex.orgId()), Identifier.email("dan@example.com"))).hasSize(1);
  }

  @Test
  void eraseByCustomerRefAloneFindsDataWithoutIdentifyingTraits() {
    track(acme, "cookie-fay", Map.of("plan", "gold"));
    SubjectTerms terms = SubjectTerms.of(SubjectRef.journeyCustomer("cookie", "cookie-fay"));

    assertThat(journey.erase(org, terms).deleted()).isEqualTo(3);
    assertThat(rowsOf("cookie-fay")).isZero();
  }
}

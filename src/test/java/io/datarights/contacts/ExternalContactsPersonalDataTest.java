package io.datarights.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.Identifier;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectMatch;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.ApiException;
import io.datarights.shared.OrgId;
import io.datarights.support.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExternalContactsPersonalDataTest extends ContactsTestSupport {

  @Autowired List<PersonalDataService> services;

  private PersonalDataService service() {
    return services.stream().filter(s -> s.name().equals("externalContacts")).findFirst().orElseThrow();
  }

  @Test
  void findsTheSubjectByFormattingVariantsOfItsIdentifiers() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);
    createId(acme.api(), Map.of("lastName", "Someone Else", "workEmail", "else@example.com"));

    for (Identifier identifier :
        List.of(
            Identifier.phone("+49 (30) 123-4567"),
            Identifier.phone("0049 30 1234567"),
            Identifier.email("  J.MUELLER@example.COM "),
            Identifier.name("MULLER karl  jurgen"),
            Identifier.name("Müller Jürgen Karl"),
            Identifier.address("hauptstrasse 5"),
            new Identifier(IdentifierKind.TWITTER, "@juergenm"),
            new Identifier(IdentifierKind.WHATSAPP, "+4915123456789"),
            new Identifier(IdentifierKind.EXTERNAL_ID, "CRM-0042"))) {
      List<SubjectMatch> found = service().findSubjects(org(acme), identifier);
      assertThat(found).as(identifier.toString()).hasSize(1);
      assertThat(found.get(0).ref()).isEqualTo(SubjectRef.externalContact(id));
    }
    SubjectMatch match = service().findSubjects(org(acme), Identifier.email("jm@example.net")).get(0);
    assertThat(match.name()).isEqualTo("Jürgen Karl Müller");
    assertThat(match.identifiers())
        .contains(
            Identifier.phone("+49301234567"),
            Identifier.email("J.Mueller@Example.com"),
            Identifier.address("Hauptstraße 5, Hinterhaus, Berlin, BE, 10115, DE"),
            new Identifier(IdentifierKind.TWITTER, "@JuergenM"))
        .filteredOn(i -> i.kind() == IdentifierKind.ADDRESS)
        .hasSize(1);
    assertThat(service().findSubjects(org(acme), Identifier.phone("+1 30 1234567"))).isEmpty();
    assertThat(service().findSubjects(org(newTenant("Globex")), Identifier.email("jm@example.net"))).isEmpty();
  }

  @Test
  void resolvesItsOwnContactIdsOnly() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);

    assertThat(service().resolve(org(acme), SubjectRef.externalContact(id)).orElseThrow().identifiers())
        .contains(Identifier.email("juergen@example.org"));
    assertThat(service().resolve(org(acme), SubjectRef.user(id))).isEmpty();
    assertThat(service().resolve(org(acme), SubjectRef.externalContact("nope"))).isEmpty();
    assertThat(service().resolve(org(newTenant("Globex")), SubjectRef.externalContact(id))).isEmpty();
  }

  @Test
  void exportsEveryFieldOfEveryMatchingContact() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);
    String other = createId(acme.api(), Map.of("lastName", "Müller", "workEmail", "j.mueller@example.com"));
    merge(acme.api(), other, id);
    JsonNode api = get(acme.api(), id);
    RecordingSink sink = new RecordingSink();

    ServiceOutcome outcome = service().export(org(acme), SubjectTerms.of(Identifier.email("j.mueller@example.com")), sink);

    assertThat(outcome.matched()).isEqualTo(2);
    assertThat(outcome.exported()).isEqualTo(2);
    assertThat(sink.records).extracting(RecordingSink.Recorded::id).containsExactlyInAnyOrder(id, other);
    Map<String, Object> fields = sink.records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().fields();
    List<String> apiFields = new ArrayList<>();
    api.fieldNames().forEachRemaining(apiFields::add);
    assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(apiFields);
    assertThat(fields.keySet()).contains("firstName", "middleName", "lastName", "title", "workPhone", "cellPhone", "homePhone",
        "otherPhone", "workEmail", "personalEmail", "otherEmail", "address", "twitterId", "facebookId", "instagramId",
        "whatsAppId", "appleMessagesId", "externalIds", "customFields", "canonicalContact", "mergeSet", "createdDate",
        "modifiedDate");
    assertThat(fields.get("customFields")).isEqualTo(Map.of("loyaltyTier", "gold", "backupContact", "Assistant@Example.com", "visits", 12));
    assertThat(((Map<?, ?>) fields.get("cellPhone")).get("e164")).isEqualTo("+491712345678");
    assertThat(sink.records).allMatch(r -> r.type().equals("externalContact"));
  }

  @Test
  void rectifiesEmailsAndPhonesWhereverTheyAreHeldAndReindexes() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);
    String bystander = createId(acme.api(), Map.of("lastName", "Other", "workEmail", "other@example.com", "cellPhone", Map.of("display", "0171 9999999")));
    SubjectTerms terms = new SubjectTerms(Set.of(Identifier.email("juergen@example.org")), Set.of());

    ServiceOutcome outcome =
        service().rectify(org(acme), terms, List.of(
            new ReplacementTerm(IdentifierKind.EMAIL, "ASSISTANT@example.com", "helper@example.com"),
            new ReplacementTerm(IdentifierKind.EMAIL, "jm@example.net", "juergen.m@example.net"),
            new ReplacementTerm(IdentifierKind.PHONE, "+49 171 2345678", "0172 7654321"),
            new ReplacementTerm(IdentifierKind.PHONE, "+4915123456789", "+49 152 11112222"),
            new ReplacementTerm(IdentifierKind.TWITTER, "juergenm", "@jm_new")));

    assertThat(outcome.matched()).isEqualTo(1);
    assertThat(outcome.updated()).isEqualTo(1);
    JsonNode contact = get(acme.api(), id);
    assertThat(contact.get("otherEmail").asText()).isEqualTo("juergen.m@example.net");
    assertThat(contact.get("workEmail").asText()).as("untouched").isEqualTo("J.Mueller@Example.com");
    assertThat(contact.get("customFields").get("backupContact").asText()).isEqualTo("helper@example.com");
    assertThat(contact.get("cellPhone").get("display").asText()).isEqualTo("0172 7654321");
    assertThat(contact.get("cellPhone").get("e164").asText()).isEqualTo("+491727654321");
    assertThat(contact.get("whatsAppId").get("phoneNumber").get("e164").asText()).isEqualTo("+4915211112222");
    assertThat(contact.get("twitterId").get("screenName").asText()).isEqualTo("@jm_new");
    assertThat(lookup(acme, IdentifierKind.EMAIL, "jm@example.net")).isEmpty();
    assertThat(lookup(acme, IdentifierKind.EMAIL, "juergen.m@example.net")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.PHONE, "0171 2345678")).isEmpty();
    assertThat(lookup(acme, IdentifierKind.PHONE, "+49 172 7654321")).containsExactly(id);
    assertThat(get(acme.api(), bystander).get("workEmail").asText()).isEqualTo("other@example.com");
  }

  @Test
  void rectifiesNamesAndAddresses() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);
    SubjectTerms terms = SubjectTerms.of(SubjectRef.externalContact(id));

    service().rectify(org(acme), terms, List.of(
        new ReplacementTerm(IdentifierKind.NAME, "Müller", "Schmidt"),
        new ReplacementTerm(IdentifierKind.ADDRESS, "Hauptstrasse 5", "Nebenstraße 7")));
    JsonNode surnameChanged = get(acme.api(), id);
    service().rectify(org(acme), terms, List.of(
        new ReplacementTerm(IdentifierKind.NAME, "Schmidt Jürgen Karl", "Jürgen Schmidt-Weber"),
        new ReplacementTerm(IdentifierKind.ADDRESS, "Nebenstraße 7, Hinterhaus, Berlin, BE 10115", "Am Markt 1, 20095 Hamburg")));
    JsonNode wholeChanged = get(acme.api(), id);

    assertThat(surnameChanged.get("lastName").asText()).isEqualTo("Schmidt");
    assertThat(surnameChanged.get("firstName").asText()).isEqualTo("Jürgen");
    assertThat(surnameChanged.get("address").get("address1").asText()).isEqualTo("Nebenstraße 7");
    assertThat(surnameChanged.get("address").get("city").asText()).isEqualTo("Berlin");
    assertThat(wholeChanged.get("firstName").asText()).isEqualTo("Jürgen");
    assertThat(wholeChanged.has("middleName")).isFalse();
    assertThat(wholeChanged.get("lastName").asText()).isEqualTo("Schmidt-Weber");
    assertThat(wholeChanged.get("address").get("address1").asText()).isEqualTo("Am Markt 1, 20095 Hamburg");
    assertThat(wholeChanged.get("address").has("city")).isFalse();
    assertThat(lookup(acme, IdentifierKind.NAME, "Jürgen Karl Müller")).isEmpty();
    assertThat(lookup(acme, IdentifierKind.NAME, "Schmidt-Weber Jürgen")).containsExactly(id);
    assertThat(lookup(acme, IdentifierKind.ADDRESS, "Am Markt 1 20095 Hamburg")).containsExactly(id);
  }

  @Test
  void anUnusableUpdatedValueIsRejectedBeforeAnythingChanges() {
    Tenant acme = newTenant("Acme");
    String id = createId(acme.api(), FULL_CONTACT);
    JsonNode before = get(acme.api(), id);

    assertThatThrownBy(() -> service().rectify(org(acme), SubjectTerms.of(SubjectRef.externalContact(id)), List.of(
            new ReplacementTerm(IdentifierKind.EMAIL, "jm@example.net", "new@example.net"),
            new ReplacementTerm(IdentifierKind.PHONE, "030 1234567", "no phone"))))
        .isInstanceOf(ApiException.class);

    assertThat(get(acme.api(), id)).isEqualTo(before);
  }

  @Test
  void erasureDeletesTheSubjectsContactsAndIdentifiersIdempotently() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String subject = createId(acme.api(), FULL_CONTACT);
    String bystander = createId(acme.api(), Map.of("lastName", "Other", "workEmail", "other@example.com"));
    String sameEmailOtherOrg = createId(globex.api(), Map.of("workEmail", "jm@example.net"));
    SubjectTerms terms = SubjectTerms.of(Identifier.email("JM@example.net"));
    assertThat(service().remaining(org(acme), terms)).isEqualTo(1);

    ServiceOutcome first = service().erase(org(acme), terms);
    ServiceOutcome second = service().erase(org(acme), terms);

    assertThat(service().inventory().erasureMode()).isEqualTo(ErasureMode.DELETE);
    assertThat(first.deleted()).isEqualTo(1);
    assertThat(first.anonymized()).isZero();
    assertThat(second).isEqualTo(ServiceOutcome.nothingFound());
    assertThat(service().remaining(org(acme), terms)).isZero();
    assertThat(service().remaining(org(acme), SubjectTerms.of(SubjectRef.externalContact(subject)))).isZero();
    assertThat(acme.api().get(CONTACTS + "/" + subject).status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from identifier_index where record_id = ?").param(subject).query(Long.class).single()).isZero();
    assertThat(get(acme.api(), bystander).get("workEmail").asText()).isEqualTo("other@example.com");
    assertThat(get(globex.api(), sameEmailOtherOrg).get("workEmail").asText()).isEqualTo("jm@example.net");
    assertThat(lookup(globex, IdentifierKind.EMAIL, "jm@example.net")).containsExactly(sameEmailOtherOrg);
  }

  @Test
  void erasingAMemberOfAMergeSetLeavesTheSetConsistent() {
    Tenant acme = newTenant("Acme");
    String a = createId(acme.api(), Map.of("lastName", "A", "workEmail", "a@example.com"));
    String b = createId(acme.api(), Map.of("lastName", "B"));
    String c = createId(acme.api(), Map.of("lastName", "C", "workEmail", "c@example.com"));
    merge(acme.api(), b, c);
    merge(acme.api(), a, c); // {c*, a, b}; c keeps its own workEmail

    service().erase(org(acme), SubjectTerms.of(SubjectRef.externalContact(c)));

    OrgId org = org(acme);
    assertThat(externalContacts.mergeSetOf(org, a)).containsExactlyInAnyOrder(a, b);
    String canonical = externalContacts.mergeSetOf(org, a).get(0);
    assertThat(get(acme.api(), canonical).get("mergeSet").findValuesAsText("id")).containsExactlyInAnyOrder(a, b);
    assertThat(get(acme.api(), b).get("canonicalContact").get("id").asText()).isEqualTo(canonical);
    assertThat(lookup(acme, IdentifierKind.EMAIL, "c@example.com")).isEmpty();
  }

  @Test
  void theInventoryNamesTheSearchedAndUnsearchedFields() {
    var inventory = service().inventory();

    assertThat(inventory.service()).isEqualTo("externalContacts");
    assertThat(inventory.fields()).anyMatch(f -> f.name().equals("customFields (keys)") && !f.searched());
    assertThat(inventory.fields()).anyMatch(f -> f.name().contains("workEmail") && f.searched());
    assertThat(inventory.legalBasis()).contains("Art. 6(1)");
  }
}

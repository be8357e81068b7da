package io.datarights.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.Identifier;
import io.datarights.privacy.ErasureExemptions;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.ServiceOutcome;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectTerms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An erasure that finds many contacts at once (a bulk erasure's chunk) deletes them in a few
 * statements and leaves their merge sets as deleting them one by one would.
 */
class ExternalContactsSetErasureTest extends ContactsTestSupport {

  @Autowired List<PersonalDataService> services;

  private PersonalDataService service() {
    return services.stream().filter(s -> s.name().equals("externalContacts")).findFirst().orElseThrow();
  }

  private String contact(Tenant tenant, String name) {
    String id = createId(tenant.api(), Map.of("lastName", name, "workEmail", name.toLowerCase() + "@example.com"));
    clock.advance(Duration.ofSeconds(1)); // distinct creation times make "oldest" well-defined
    return id;
  }

  private static Identifier email(String name) {
    return Identifier.email(name.toLowerCase() + "@example.com");
  }

  @Test
  void erasingMembersAndCanonicalsOfSeveralSetsAtOnceKeepsEverySetConsistent() {
    Tenant acme = newTenant("Acme");
    // {c*, a, b, e}: its canonical c and a member b go; a (the oldest left) becomes canonical of {a, e}
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    String c = contact(acme, "C");
    String e = contact(acme, "E");
    merge(acme.api(), a, c);
    merge(acme.api(), b, c);
    merge(acme.api(), e, c);
    // {g*, f}: f goes, the set dissolves
    String f = contact(acme, "F");
    String g = contact(acme, "G");
    merge(acme.api(), f, g);
    // {i*, h}: both go
    String h = contact(acme, "H");
    String i = contact(acme, "I");
    merge(acme.api(), h, i);
    String bystander = contact(acme, "Bystander");

    ServiceOutcome outcome =
        service().erase(org(acme), new SubjectTerms(
            Set.of(email("C"), email("B"), email("F"), email("H"), email("I"), email("Nobody")), Set.of()));

    assertThat(outcome.deleted()).isEqualTo(5);
    assertThat(count("external_contacts")).isEqualTo(4);
    JsonNode newCanonical = get(acme.api(), a);
    assertThat(newCanonical.get("canonicalContact").get("id").asText()).isEqualTo(a);
    assertThat(newCanonical.get("mergeSet").findValuesAsText("id")).containsExactly(a, e);
    assertThat(externalContacts.mergeSetOf(org(acme), e)).containsExactly(a, e);
    for (String alone : List.of(g, bystander)) {
      assertThat(get(acme.api(), alone).has("canonicalContact")).as(alone).isFalse();
      assertThat(externalContacts.mergeSetOf(org(acme), alone)).containsExactly(alone);
    }
    assertThat(index.lookup(org(acme), email("C").kind(), email("C").value())).isEmpty();
    assertThat(service().remaining(org(acme), new SubjectTerms(Set.of(email("C"), email("B"), email("F")), Set.of()))).isZero();
    assertThat(service().erase(org(acme), SubjectTerms.of(email("C"))).deleted()).as("idempotent").isZero();
  }

  @Test
  void heldContactsAmongManyAreRetainedWithTheirReason() {
    Tenant acme = newTenant("Acme");
    String held = contact(acme, "Held");
    contact(acme, "Free1");
    contact(acme, "Free2");
    ErasureExemptions exemptions = new ErasureExemptions(Map.of(SubjectRef.externalContact(held), "Legal hold 1: litigation"));
    SubjectTerms terms = new SubjectTerms(Set.of(email("Held"), email("Free1"), email("Free2")), Set.of());

    ServiceOutcome outcome = service().erase(org(acme), terms, exemptions);

    assertThat(outcome.deleted()).isEqualTo(2);
    assertThat(outcome.retained()).isEqualTo(1);
    assertThat(outcome.reasons()).containsExactly("Legal hold 1: litigation");
    assertThat(service().remaining(org(acme), terms, exemptions)).isZero();
    assertThat(service().remaining(org(acme), terms)).isEqualTo(1);
    assertThat(count("external_contacts")).isEqualTo(1);
  }
}

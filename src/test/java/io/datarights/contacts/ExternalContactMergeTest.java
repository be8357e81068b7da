package io.datarights.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.identifiers.IdentifierKind;
import io.datarights.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExternalContactMergeTest extends ContactsTestSupport {

  @Test
  void theTargetBecomesCanonicalWithEmptyFieldsFilledFromTheSource() {
    Tenant acme = newTenant("Acme");
    String source =
        createId(acme.api(), Map.of("firstName", "Ann", "lastName", "Lee", "workEmail", "ann@work.example",
            "cellPhone", Map.of("display", "0171 2345678"), "externalIds", List.of(Map.of("externalSource", "crm", "value", "A-1")),
            "customFields", Map.of("tier", "gold", "note", "from source")));
    String target =
        createId(acme.api(), Map.of("lastName", "Lee-Park", "personalEmail", "ann@home.example",
            "externalIds", List.of(Map.of("externalSource", "shop", "value", "S-9")), "customFields", Map.of("note", "kept")));

    JsonNode canonical = merge(acme.api(), source, target);

    assertThat(canonical.get("id").asText()).isEqualTo(target);
    assertThat(canonical.get("lastName").asText()).as("not empty on the canonical: kept").isEqualTo("Lee-Park");
    assertThat(canonical.get("firstName").asText()).isEqualTo("Ann");
    assertThat(canonical.get("workEmail").asText()).isEqualTo("ann@work.example");
    assertThat(canonical.get("personalEmail").asText()).isEqualTo("ann@home.example");
    assertThat(canonical.get("cellPhone").get("e164").asText()).isEqualTo("+491712345678");
    assertThat(canonical.get("externalIds").findValuesAsText("value")).containsExactly("S-9", "A-1");
    assertThat(canonical.get("customFields").get("note").asText()).isEqualTo("kept");
    assertThat(canonical.get("customFields").get("tier").asText()).isEqualTo("gold");
    assertThat(canonical.get("canonicalContact").get("id").asText()).isEqualTo(target);
    assertThat(canonical.get("mergeSet").findValuesAsText("id")).containsExactly(target, source);
    assertThat(canonical.get("mergeSet").get(1).get("selfUri").asText()).isEqualTo(CONTACTS + "/" + source);
    JsonNode member = get(acme.api(), source);
    assertThat(member.get("canonicalContact").get("id").asText()).isEqualTo(target);
    assertThat(member.get("canonicalContact").get("selfUri").asText()).isEqualTo(CONTACTS + "/" + target);
    assertThat(member.has("mergeSet")).as("only the canonical lists the set").isFalse();
    assertThat(member.get("firstName").asText()).as("the source keeps its own fields").isEqualTo("Ann");
    assertThat(lookup(acme, IdentifierKind.EMAIL, "ann@work.example"))
        .as("the canonical is found by what it took over")
        .containsExactlyInAnyOrder(source, target);
  }

  @Test
  void mergingAMemberOfASetMergesTheWholeSetsAndEveryMemberReportsTheCanonical() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    String c = contact(acme, "C");
    String d = contact(acme, "D");
    merge(acme.api(), a, b); // {b*, a}
    merge(acme.api(), c, d); // {d*, c}

    JsonNode canonical = merge(acme.api(), c, a); // a member into a member: {b*, a, c, d}

    assertThat(canonical.get("id").asText()).as("the target's set's canonical").isEqualTo(b);
    assertThat(canonical.get("mergeSet").findValuesAsText("id")).containsExactlyInAnyOrder(a, b, c, d);
    assertThat(canonical.get("mergeSet").get(0).get("id").asText()).as("canonical first").isEqualTo(b);
    for (String member : List.of(a, b, c, d)) {
      assertThat(get(acme.api(), member).get("canonicalContact").get("id").asText()).as(member).isEqualTo(b);
      assertThat(externalContacts.mergeSetOf(org(acme), member)).as(member).containsExactlyInAnyOrder(a, b, c, d);
      assertThat(externalContacts.find(org(acme), member).orElseThrow().canonicalContactId()).contains(b);
    }
    JsonNode listed = acme.api().get(CONTACTS).json().get("entities");
    for (JsonNode entity : listed) {
      assertThat(entity.has("mergeSet")).as(entity.get("lastName").asText()).isEqualTo(entity.get("id").asText().equals(b));
    }
  }

  @Test
  void fieldsComeFromTheSourceAndThenFromItsFormerCanonical() {
    Tenant acme = newTenant("Acme");
    String formerCanonical = createId(acme.api(), Map.of("lastName", "Old", "title", "Dr."));
    String source = createId(acme.api(), Map.of("lastName", "Src", "workEmail", "src@example.com"));
    String target = createId(acme.api(), Map.of("firstName", "Tia"));
    merge(acme.api(), source, formerCanonical);

    JsonNode canonical = merge(acme.api(), source, target);

    assertThat(canonical.get("lastName").asText()).isEqualTo("Src");
    assertThat(canonical.get("workEmail").asText()).isEqualTo("src@example.com");
    assertThat(canonical.get("title").asText()).isEqualTo("Dr.");
    assertThat(canonical.get("mergeSet").findValuesAsText("id")).containsExactlyInAnyOrder(target, source, formerCanonical);
  }

  @Test
  void mergeSetOfIsTheContactAloneOutsideASetAndEmptyForUnknownIds() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String alone = contact(acme, "Alone");

    assertThat(externalContacts.mergeSetOf(org(acme), alone)).containsExactly(alone);
    assertThat(externalContacts.mergeSetOf(org(globex), alone)).isEmpty();
    assertThat(externalContacts.mergeSetOf(org(acme), "not-a-uuid")).isEmpty();
    assertThat(externalContacts.find(org(acme), alone).orElseThrow().name()).isEqualTo("Alone");
    assertThat(externalContacts.find(org(acme), alone).orElseThrow().canonicalContactId()).isEmpty();
    assertThat(externalContacts.find(org(globex), alone)).isEmpty();
  }

  @Test
  void mergingAContactWithItselfOrWithinItsSetIsA400NamingTheFieldAndChangesNothing() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    merge(acme.api(), a, b);
    String before = acme.api().get(CONTACTS).text();

    Api.Response itself = acme.api().post(MERGE, Map.of("sourceContactId", a, "targetContactId", a));
    Api.Response sameSet = acme.api().post(MERGE, Map.of("sourceContactId", b, "targetContactId", a));
    Api.Response missing = acme.api().post(MERGE, Map.of("targetContactId", a));

    assertThat(itself.status()).isEqualTo(400);
    assertThat(itself.json().get("details").findValuesAsText("fieldName")).containsExactly("sourceContactId");
    assertThat(sameSet.status()).isEqualTo(400);
    assertThat(sameSet.json().get("details").findValuesAsText("fieldName")).containsExactly("sourceContactId");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("details").findValuesAsText("fieldName")).containsExactly("sourceContactId");
    assertThat(acme.api().get(CONTACTS).text()).isEqualTo(before);
  }

  @Test
  void anUnknownOrOtherOrgContactIsNotFoundWithoutNamingIt() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String mine = contact(globex, "Mine");
    String theirs = contact(acme, "Theirs");

    Api.Response otherOrg = globex.api().post(MERGE, Map.of("sourceContactId", theirs, "targetContactId", mine));
    Api.Response unknown = globex.api().post(MERGE, Map.of("sourceContactId", mine, "targetContactId", "b1e5c7b8-0000-4000-8000-000000000000"));
    Api.Response malformed = globex.api().post(MERGE, Map.of("sourceContactId", mine, "targetContactId", "nope"));

    assertThat(otherOrg.status()).isEqualTo(404);
    assertThat(otherOrg.text()).doesNotContain(theirs).doesNotContain("Theirs");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(get(globex.api(), mine).has("canonicalContact")).isFalse();
    assertThat(get(acme.api(), theirs).has("canonicalContact")).isFalse();
  }

  @Test
  void deletingAMemberRemovesItFromItsSet() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    String c = contact(acme, "C");
    merge(acme.api(), a, c);
    merge(acme.api(), b, c); // {c*, a, b}

    assertThat(acme.api().delete(CONTACTS + "/" + a).status()).isEqualTo(204);

    assertThat(get(acme.api(), c).get("mergeSet").findValuesAsText("id")).containsExactly(c, b);
    assertThat(externalContacts.mergeSetOf(org(acme), b)).containsExactly(c, b);
  }

  @Test
  void deletingTheCanonicalMakesTheOldestRemainingMemberCanonical() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    String c = contact(acme, "C");
    merge(acme.api(), b, c);
    merge(acme.api(), a, c); // {c*, a, b}; a is the oldest

    assertThat(acme.api().delete(CONTACTS + "/" + c).status()).isEqualTo(204);

    JsonNode newCanonical = get(acme.api(), a);
    assertThat(newCanonical.get("canonicalContact").get("id").asText()).isEqualTo(a);
    assertThat(newCanonical.get("mergeSet").findValuesAsText("id")).containsExactly(a, b);
    assertThat(get(acme.api(), b).get("canonicalContact").get("id").asText()).isEqualTo(a);
    assertThat(externalContacts.mergeSetOf(org(acme), b)).containsExactly(a, b);
  }

  @Test
  void deletingEitherContactOfASetOfTwoDissolvesTheSet() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    String c = contact(acme, "C");
    String d = contact(acme, "D");
    merge(acme.api(), a, b);
    merge(acme.api(), c, d);

    acme.api().delete(CONTACTS + "/" + a); // a member goes
    acme.api().delete(CONTACTS + "/" + d); // a canonical goes

    for (String left : List.of(b, c)) {
      JsonNode contact = get(acme.api(), left);
      assertThat(contact.has("canonicalContact")).as(left).isFalse();
      assertThat(contact.has("mergeSet")).as(left).isFalse();
      assertThat(externalContacts.mergeSetOf(org(acme), left)).containsExactly(left);
    }
    assertThat(count("external_contacts")).isEqualTo(2);
  }

  @Test
  void aMergedContactCanStillBeEditedAndKeepsItsSet() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme, "A");
    String b = contact(acme, "B");
    merge(acme.api(), a, b);

    Api.Response updated = acme.api().put(CONTACTS + "/" + a, Map.of("lastName", "A2", "mergeSet", List.of()));

    assertThat(updated.json().get("canonicalContact").get("id").asText()).isEqualTo(b);
    assertThat(externalContacts.mergeSetOf(org(acme), a)).containsExactly(b, a);
  }

  private String contact(Tenant tenant, String lastName) {
    String id = createId(tenant.api(), Map.of("lastName", lastName));
    clock.advance(Duration.ofSeconds(1)); // distinct creation times make "oldest" well-defined
    return id;
  }
}

package io.datarights.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DemoDataTest extends IntegrationTest {

  @Autowired DemoData demoData;

  private long countFor(String table, Tenant tenant) {
    return jdbc.sql("select count(*) from " + table + " where org_id = ?::uuid").param(tenant.orgId()).query(Long.class).single();
  }

  private List<String> names(Tenant tenant) {
    return jdbc.sql("select first_name || ' ' || last_name from external_contacts where org_id = ?::uuid order by 1")
        .param(tenant.orgId()).query(String.class).list();
  }

  @Test
  void fillsAnOrgDeterministicallyWithMergedContactsAndInteractions() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    List<String> progress = new ArrayList<>();

    demoData.generate(OrgId.of(acme.orgId()), 7, DemoScale.DEMO, progress::add);
    demoData.generate(OrgId.of(globex.orgId()), 7, DemoScale.DEMO, line -> {});

    assertThat(countFor("external_contacts", acme)).isEqualTo(300 + 300 / 20);
    assertThat(countFor("conversations", acme)).isEqualTo(600);
    assertThat(countFor("conversation_attachments", acme)).isPositive();
    assertThat(countFor("directory_users", acme)).isEqualTo(20);
    assertThat(countFor("outbound_contacts", acme)).isEqualTo(200);
    assertThat(countFor("journey_consents", acme)).isEqualTo(50);
    assertThat(names(acme)).as("same seed, same people").isEqualTo(names(globex));
    assertThat(progress).anySatisfy(line -> assertThat(line).contains("contacts").contains("300 / 300"));
  }

  @Test
  void aGeneratedPersonIsFoundUnderTheVariantsOfTheirIdentifiersInEveryService() {
    Tenant acme = newTenant("Acme");
    demoData.generate(OrgId.of(acme.orgId()), 7, DemoScale.DEMO, line -> {});
    // The example person has a merged twin (e-mail in another letter case), a dialer row and a journey.
    String email = demoData.exampleEmail(7);

    JsonNode subjects = acme.api().get("/api/v2/gdpr/subjects?searchType=EMAIL&searchValue=" + email.toUpperCase()).json().get("entities");

    assertThat(subjects.findValuesAsText("externalContactId")).hasSize(2);
    assertThat(subjects.findValuesAsText("contactListId")).as("the same person on the dialer list").hasSize(1);
    assertThat(subjects.findValues("journeyCustomer")).as("and as a web visitor").hasSize(1);
  }
}

package io.datarights.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.AuditableEvents;
import io.datarights.shared.OrgId;
import io.datarights.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the hash itself must cover: the previous hash (an edit whose hash was recomputed cannot be
 * linked in by rewriting the next entry's link), and the forms of hash across the upgrade that
 * added the org (V25): a chain written before it still verifies, and goes on in the new form.
 */
class ChainFormsTest extends IntegrationTest {

  @Autowired AuditRepository entries;
  @Autowired AuditAppender appender;

  private List<AuditEntry> chain(Tenant tenant) {
    List<AuditEntry> chain = new ArrayList<>();
    entries.forEachInOrder(OrgId.of(tenant.orgId()), chain::add);
    return chain;
  }

  private void store(Tenant tenant, AuditEntry e) {
    jdbc.sql("update audit_log set actor = ?, prev_hash = ?, hash_version = ?, hash = ? where org_id = ?::uuid and seq = ?")
        .params(e.actor(), e.prevHash(), e.hashVersion(), e.hash(), tenant.orgId(), e.seq())
        .update();
  }

  private JsonNode verification(Tenant tenant) {
    return tenant.api().get("/api/v2/audits/verification").json();
  }

  @Test
  void anEditWithARecomputedHashLinkedInByTheNextEntryBreaksTheChainAtTheNextEntry() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/oauth/clients", Map.of("name", "Second", "permissions", List.of("gdpr:request:view")));
    OrgId org = OrgId.of(acme.orgId());
    List<AuditEntry> chain = chain(acme);
    AuditEntry forged = new AuditEntry(chain.get(1).seq(), chain.get(1).occurredAt(), chain.get(1).action(), "someone-else",
        chain.get(1).targetType(), chain.get(1).targetId(), chain.get(1).details(), chain.get(1).prevHash(),
        chain.get(1).hashVersion(), null);
    forged = forged.withHash(ChainHash.of(org, forged).orElseThrow());
    AuditEntry next = chain.get(2);
    AuditEntry relinked = new AuditEntry(next.seq(), next.occurredAt(), next.action(), next.actor(), next.targetType(),
        next.targetId(), next.details(), forged.hash(), next.hashVersion(), next.hash());

    store(acme, forged);
    store(acme, relinked);

    JsonNode verification = verification(acme);
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(next.seq());
    assertThat(verification.get("problem").asText()).contains("changed");
  }

  @Test
  void aChainWrittenBeforeTheOrgWasHashedStillVerifiesAndGoesOnInTheNewForm() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    // As a database migrated from before V25 holds it: every entry in the first form.
    String prev = ChainHash.GENESIS;
    for (AuditEntry e : chain(acme)) {
      AuditEntry old = new AuditEntry(e.seq(), e.occurredAt(), e.action(), e.actor(), e.targetType(), e.targetId(),
          e.details(), prev, 1, null);
      old = old.withHash(ChainHash.of(org, old).orElseThrow());
      store(acme, old);
      prev = old.hash();
    }
    assertThat(verification(acme).get("intact").asBoolean()).isTrue();

    acme.api().post("/api/v2/oauth/clients", Map.of("name", "Second", "permissions", List.of("gdpr:request:view")));

    List<AuditEntry> chain = chain(acme);
    assertThat(chain.get(chain.size() - 1).hashVersion()).isEqualTo(ChainHash.CURRENT_VERSION);
    assertThat(chain.get(0).hashVersion()).isEqualTo(1);
    assertThat(verification(acme).get("intact").asBoolean()).isTrue();
  }

  @Test
  void anEntryOfTheNewFormDowngradedWithAHashOfTheOldFormBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/oauth/clients", Map.of("name", "Second", "permissions", List.of("gdpr:request:view")));
    OrgId org = OrgId.of(acme.orgId());
    AuditEntry last = chain(acme).get(chain(acme).size() - 1);
    // The newest entry rewritten in the form that does not cover the org, its hash recomputed.
    AuditEntry old = new AuditEntry(last.seq(), last.occurredAt(), last.action(), last.actor(), last.targetType(),
        last.targetId(), last.details(), last.prevHash(), 1, null);
    store(acme, old.withHash(ChainHash.of(org, old).orElseThrow()));

    JsonNode verification = verification(acme);
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(last.seq());
    assertThat(verification.get("problem").asText()).contains("older form");
  }

  @Test
  void aChainLongerThanOnePageOfTheWalkIsVerifiedToItsEndAndAnEditOnTheSecondPageIsFound() {
    Tenant acme = newTenant("Acme");
    OrgId org = OrgId.of(acme.orgId());
    List<AuditableEvent> events = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      events.add(new AuditableEvent(org, "gdpr.request.created", "test", "gdprRequest", "r" + i, Map.of()));
    }
    appender.appendAll(new AuditableEvents(org, events));
    long total = chain(acme).size();
    assertThat(total).isGreaterThan(1500);
    assertThat(verification(acme).get("entriesChecked").asLong()).isEqualTo(total);

    long tampered = total - 100;
    jdbc.sql("update audit_log set action = 'gdpr.request.completed' where org_id = ?::uuid and seq = ?")
        .params(acme.orgId(), tampered).update();

    JsonNode verification = verification(acme);
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(tampered);
  }
}

package io.datarights.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends IntegrationTest {

  private String fileAndComplete(Tenant tenant, String email) {
    String id =
        tenant.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
                Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of(email))))
            .json().get("id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> tenant.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return id;
  }

  private List<String> actions(Tenant tenant) {
    return tenant.api().get("/api/v2/audits?pageSize=100").json().get("entities").findValuesAsText("action");
  }

  @Test
  void recordsSecurityAndGdprActionsOfTheOrg() {
    Tenant acme = newTenant("Acme");
    String requestId = fileAndComplete(acme, "jane@example.com");

    List<String> actions = actions(acme);

    assertThat(actions)
        .contains("organization.created", "oauth.client.created", "oauth.token.issued", "gdpr.request.created",
            "gdpr.step.completed", "gdpr.erasure.verified", "gdpr.request.completed");
    JsonNode completed = acme.api().get("/api/v2/audits?action=gdpr.request.completed").json().get("entities").get(0);
    assertThat(completed.get("targetId").asText()).isEqualTo(requestId);
    assertThat(acme.api().get("/api/v2/audits/verification").json().get("intact").asBoolean()).isTrue();
  }

  @Test
  void holdsPseudonymsInsteadOfTheSubjectsIdentifiers() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane.secret@example.com");
    fileAndComplete(acme, "JANE.SECRET@example.com");

    String everything = String.join("\n", jdbc.sql("select audit_log::text from audit_log").query(String.class).list());
    List<String> pseudonyms =
        acme.api().get("/api/v2/audits?action=gdpr.request.created").json().get("entities").findValuesAsText("subject");

    assertThat(everything.toLowerCase()).doesNotContain("jane").doesNotContain("secret@");
    assertThat(pseudonyms).hasSize(2).allMatch(p -> p.startsWith("subject:"));
    assertThat(pseudonyms.get(0)).as("the same subject keeps one pseudonym").isEqualTo(pseudonyms.get(1));
  }

  @Test
  void anEditedEntryBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");

    jdbc.sql("update audit_log set actor = 'someone-else' where org_id = ?::uuid and seq = 3").param(acme.orgId()).update();

    JsonNode verification = acme.api().get("/api/v2/audits/verification").json();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(3);
    assertThat(verification.get("problem").asText()).contains("changed");
  }

  @Test
  void aDeletedEntryBreaksTheChainWhereItWas() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");

    jdbc.sql("delete from audit_log where org_id = ?::uuid and seq = 2").param(acme.orgId()).update();

    JsonNode verification = acme.api().get("/api/v2/audits/verification").json();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(3);
    assertThat(verification.get("problem").asText()).contains("missing");
  }

  @Test
  void reorderedEntriesBreakTheChain() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");

    for (String move : List.of("seq = -2 where seq = 2", "seq = 2 where seq = 3", "seq = 3 where seq = -2")) {
      jdbc.sql("update audit_log set " + move.replace("where", "where org_id = ?::uuid and")).param(acme.orgId()).update();
    }

    JsonNode verification = acme.api().get("/api/v2/audits/verification").json();
    assertThat(verification.get("intact").asBoolean()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(2);
  }

  private long seqOf(Tenant tenant, String action) {
    return jdbc.sql("select min(seq) from audit_log where org_id = ?::uuid and action = ?")
        .params(tenant.orgId(), action).query(Long.class).single();
  }

  private void tamper(Tenant tenant, long seq, String set) {
    int changed = jdbc.sql("update audit_log set " + set + " where org_id = ?::uuid and seq = ?").params(tenant.orgId(), seq).update();
    assertThat(changed).isEqualTo(1);
  }

  private void assertBrokenAt(Tenant tenant, long seq, String problem) {
    JsonNode verification = tenant.api().get("/api/v2/audits/verification").json();
    assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isFalse();
    assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(seq);
    assertThat(verification.get("problem").asText()).contains(problem);
  }

  @Test
  void aFailedRequestRewrittenAsCompletedBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    gate.failEverything();
    String id = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("emailAddresses", List.of("jane@example.com")))).json().get("id").asText();
    await().atMost(Duration.ofSeconds(30))
        .until(() -> acme.api().get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("ERROR"));
    long failed = seqOf(acme, "gdpr.request.failed");

    tamper(acme, failed, "action = 'gdpr.request.completed'");

    assertBrokenAt(acme, failed, "changed");
  }

  @Test
  void anEntryPointedAtAnotherKindOfTargetBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");
    long completed = seqOf(acme, "gdpr.request.completed");

    tamper(acme, completed, "target_type = 'oauth.client'");

    assertBrokenAt(acme, completed, "changed");
  }

  @Test
  void anEntryPointedAtAnotherTargetBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");
    String other = fileAndComplete(acme, "john@example.com");
    long completed = seqOf(acme, "gdpr.request.completed");

    tamper(acme, completed, "target_id = '" + other + "'");

    assertBrokenAt(acme, completed, "changed");
  }

  @Test
  void anEntryMovedInTimeBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");
    long created = seqOf(acme, "gdpr.request.created");

    tamper(acme, created, "occurred_at = occurred_at - interval '1 day'");

    assertBrokenAt(acme, created, "changed");
  }

  @Test
  void anEntryWhosePreviousHashIsReplacedBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");
    fileAndComplete(acme, "jane@example.com");

    tamper(acme, 3, "prev_hash = (select hash from audit_log where org_id = ?::uuid and seq = 1)".replace("?", "'" + acme.orgId() + "'"));

    assertBrokenAt(acme, 3, "does not follow");
  }

  @Test
  void anEntryMovedToAnotherOrgsTrailBreaksThatTrail() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    // Globex's own trail gone, Acme's first entry put in its place: a chain that links up.
    jdbc.sql("delete from audit_log where org_id = ?::uuid").param(globex.orgId()).update();

    tamper(acme, 1, "org_id = '" + globex.orgId() + "'");

    assertBrokenAt(globex, 1, "changed");
    assertBrokenAt(acme, 2, "missing");
  }

  @Test
  void anEntryClaimingTheOlderFormOfHashBreaksTheChainAtThatEntry() {
    Tenant acme = newTenant("Acme");

    tamper(acme, 2, "hash_version = 1");

    assertBrokenAt(acme, 2, "changed");
  }

  @Test
  void anOrgSeesOnlyItsOwnTrail() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String acmeRequest = fileAndComplete(acme, "jane@example.com");

    assertThat(globex.api().get("/api/v2/audits?pageSize=100").json().get("entities").findValuesAsText("targetId"))
        .doesNotContain(acmeRequest);
  }
}

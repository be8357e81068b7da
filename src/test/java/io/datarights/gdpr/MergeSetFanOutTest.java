package io.datarights.gdpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MergeSetFanOutTest extends IntegrationTest {

  private String contact(Api api, Map<String, Object> body) {
    Api.Response created = api.post("/api/v2/externalcontacts/contacts", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private JsonNode awaitCompleted(Api api, String id) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> api.get("/api/v2/gdpr/requests/" + id).json().get("status").asText().equals("COMPLETED"));
    return api.get("/api/v2/gdpr/requests/" + id).json();
  }

  @Test
  void aDeleteForAMergedContactCreatesLinkedRequestsForTheWholeSetAndErasesIt() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String a = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com"));
    String b = contact(api, Map.of("firstName", "Jurgen", "lastName", "Muller", "cellPhone", Map.of("display", "0171 2345678")));
    String c = contact(api, Map.of("firstName", "J.", "lastName", "Müller", "personalEmail", "jm@example.org"));
    String bystander = contact(api, Map.of("firstName", "Anna", "lastName", "Schmidt", "workEmail", "anna@example.com"));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", b, "targetContactId", a));
    api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", c, "targetContactId", a));

    JsonNode primary =
        api.post("/api/v2/gdpr/requests?deleteConfirmed=true", Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", b)))
            .json();

    List<String> related = primary.get("relatedRequests").findValuesAsText("id");
    assertThat(related).hasSize(2);
    for (String id : related) {
      JsonNode other = awaitCompleted(api, id);
      assertThat(other.get("relatedRequests").findValuesAsText("id")).as("linked both ways").contains(primary.get("id").asText());
      assertThat(other.get("verifiedErased").asBoolean()).isTrue();
    }
    JsonNode done = awaitCompleted(api, primary.get("id").asText());
    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    for (String id : List.of(a, b, c)) {
      assertThat(api.get("/api/v2/externalcontacts/contacts/" + id).status()).isEqualTo(404);
    }
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + bystander).status()).isEqualTo(200);
    assertThat(api.get("/api/v2/gdpr/subjects?searchType=PHONE&searchValue=%2B49171%202345678").json().get("entities")).isEmpty();
  }

  @Test
  void aDeleteByIdErasesThatPersonButNeverANamesake() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    String jurgen = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "j.mueller@example.com",
        "address", Map.of("address1", "Hauptstraße 5", "city", "Berlin")));
    String namesake = contact(api, Map.of("firstName", "Jürgen", "lastName", "Müller", "workEmail", "other.jm@example.org",
        "address", Map.of("address1", "Hauptstraße 5", "city", "Berlin")));

    String id = api.post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", jurgen))).json().get("id").asText();
    JsonNode done = awaitCompleted(api, id);

    assertThat(done.get("verifiedErased").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + jurgen).status()).isEqualTo(404);
    assertThat(api.get("/api/v2/externalcontacts/contacts/" + namesake).status())
        .as("same name and address, another person: untouched").isEqualTo(200);
  }

  @Test
  void aRequestForAContactOutsideAnySetHasNoRelatedRequests() {
    Tenant acme = newTenant("Acme");
    String a = contact(acme.api(), Map.of("firstName", "Solo", "lastName", "Person", "workEmail", "solo@example.com"));

    JsonNode request =
        acme.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", a))).json();

    assertThat(request.path("relatedRequests")).isEmpty();
    assertThat(count("gdpr_requests")).isEqualTo(1);
  }

  /** A merge set of n contacts made over the API, the first one canonical; returns their ids. */
  private List<String> mergedOverTheApi(Api api, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(contact(api, Map.of("firstName", "Member", "lastName", "No" + i, "workEmail", "member" + i + "@example.com")));
    }
    for (String source : ids.subList(1, n)) {
      assertThat(api.post("/api/v2/externalcontacts/merge/contacts", Map.of("sourceContactId", source, "targetContactId", ids.get(0))).status())
          .isEqualTo(200);
    }
    return ids;
  }

  /** A merge set of n contacts written straight into the table (n = 400 over the API takes long). */
  private List<String> mergedInTheDatabase(Tenant tenant, int n) {
    List<String> ids = IntStream.range(0, n).mapToObj(i -> UUID.randomUUID().toString()).toList();
    jdbc.sql(
            """
            insert into external_contacts (org_id, contact_id, first_name, last_name, work_email, canonical_contact_id, created_at, modified_at)
            select :org::uuid, m.id::uuid, 'Member', 'No' || m.ord, 'member' || m.ord || '@example.com', :canonical::uuid, now(), now()
            from unnest(:ids::text[]) with ordinality as m(id, ord)
            """)
        .param("org", tenant.orgId())
        .param("canonical", ids.get(0))
        .param("ids", ids.toArray(String[]::new))
        .update();
    return ids;
  }

  @ParameterizedTest(name = "merge set of {0}")
  @ValueSource(ints = {3, 5})
  void everyRequestOfAMergeSetListsTheRequestOfEveryOtherMemberAsRelated(int n) {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    List<String> contacts = mergedOverTheApi(api, n);
    gate.close();

    JsonNode primary =
        api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", contacts.get(n - 1)))).json();

    Set<String> all = new HashSet<>(primary.get("relatedRequests").findValuesAsText("id"));
    all.add(primary.get("id").asText());
    assertThat(all).hasSize(n);
    Set<String> subjects = new HashSet<>();
    for (String id : all) {
      JsonNode request = api.get("/api/v2/gdpr/requests/" + id).json();
      Set<String> others = new HashSet<>(all);
      others.remove(id);
      assertThat(request.get("relatedRequests").findValuesAsText("id")).as("related of " + id).containsExactlyInAnyOrderElementsOf(others);
      subjects.add(request.get("subject").get("externalContactId").asText());
    }
    assertThat(subjects).containsExactlyInAnyOrderElementsOf(contacts);
  }

  @Test
  void aMergeSetCountsOneRequestCreationPerMemberAndIsRefusedWholeWhenTheLimitHasLessLeft() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    List<String> set = mergedInTheDatabase(acme, 4);
    for (int i = 0; i < 7; i++) {
      assertThat(api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("p" + i + "@example.com"))))
          .status()).isEqualTo(202);
    }

    Api.Response refused =
        api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", set.get(0))));

    assertThat(refused.status()).as("4 requests, 3 left of 10 a minute").isEqualTo(429);
    assertThat(refused.json().get("code").asText()).isEqualTo("too.many.requests.retry.after");
    assertThat(count("gdpr_requests")).isEqualTo(7);
    assertThat(count("gdpr_request_set_members")).isZero();
    clock.advance(Duration.ofSeconds(61));
    Api.Response filed =
        api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", set.get(0))));
    assertThat(filed.status()).isEqualTo(202);
    assertThat(filed.header("RateLimit")).contains("remaining=6");
    assertThat(count("gdpr_requests")).isEqualTo(11);
  }

  @Test
  void aMergeSetLargerThanTheWholeLimitTakesAFullBucketAndIsFiledWhole() {
    Tenant acme = newTenant("Acme");
    Api api = acme.api();
    List<String> set = mergedInTheDatabase(acme, 12);

    Api.Response filed =
        api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", set.get(5))));

    assertThat(filed.status()).isEqualTo(202);
    assertThat(filed.json().get("relatedRequests")).hasSize(11);
    assertThat(filed.header("RateLimit")).contains("remaining=0");
    assertThat(api.post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("emailAddresses", List.of("x@example.com"))))
        .status()).isEqualTo(429);
  }

  @Test
  void aMergeSetLargerThanTheFanOutCapIsRefusedAndChangesNothing() {
    Tenant acme = newTenant("Acme");
    List<String> set = mergedInTheDatabase(acme, MAX_MERGE_SET_FAN_OUT + 1);

    Api.Response refused = acme.api().post("/api/v2/gdpr/requests?deleteConfirmed=true",
        Map.of("requestType", "GDPR_DELETE", "subject", Map.of("externalContactId", set.get(0))));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(refused.json().get("message").asText())
        .contains((MAX_MERGE_SET_FAN_OUT + 1) + " contacts").contains("datarights.gdpr.max-merge-set-fan-out");
    assertThat(count("gdpr_requests")).isZero();
    assertThat(count("scheduled_tasks")).isZero();
  }

  @Test
  void aRequestForAMergeSetOfFourHundredIsFiledInOneCallWithEveryLink() {
    Tenant acme = newTenant("Acme");
    List<String> set = mergedInTheDatabase(acme, 400);
    gate.close();

    long started = System.nanoTime();
    Api.Response filed = acme.api().post("/api/v2/gdpr/requests", Map.of("requestType", "GDPR_EXPORT", "subject", Map.of("externalContactId", set.get(0))));
    long millis = (System.nanoTime() - started) / 1_000_000;

    System.out.printf("BENCH merge-set fan-out: 400 requests filed in %d ms%n", millis);
    assertThat(filed.status()).isEqualTo(202);
    assertThat(filed.json().get("relatedRequests")).hasSize(399);
    assertThat(count("gdpr_requests")).isEqualTo(400);
    assertThat(count("gdpr_request_set_members")).as("one row per member, not 159,600 pairs").isEqualTo(400);
    JsonNode member = acme.api().get("/api/v2/gdpr/requests/" + filed.json().get("relatedRequests").get(398).get("id").asText()).json();
    assertThat(member.get("relatedRequests")).hasSize(399);
    assertThat(acme.api().get("/api/v2/audits?action=gdpr.request.created").json().get("total").asLong()).isEqualTo(400);
    assertThat(acme.api().get("/api/v2/audits/verification").json().get("intact").asBoolean()).isTrue();
    // Filed one by one with n(n-1) link inserts this took 13.8 s; a generous bound, not a benchmark.
    assertThat(millis).isLessThan(5_000);
    jdbc.sql("delete from scheduled_tasks where task_name like 'gdpr-%'").update();
  }
}

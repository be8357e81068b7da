package io.datarights.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsersApiTest extends IntegrationTest {

  private static Map<String, Object> user(String name, String email, Object... phones) {
    return Map.of(
        "name", name,
        "email", email,
        "title", "Agent",
        "phoneNumbers", List.of(phones),
        "personalStatus", "Back Monday");
  }

  private static Map<String, Object> phone(String type, String display) {
    return Map.of("type", type, "display", display);
  }

  private long indexed(String recordId) {
    return jdbc.sql("select count(*) from identifier_index where service = 'directory' and record_id = ?")
        .param(recordId)
        .query(Long.class)
        .single();
  }

  private List<String> indexedValues(String recordId) {
    return jdbc.sql("select kind || ':' || normalized_value from identifier_index where record_id = ? order by 1")
        .param(recordId)
        .query(String.class)
        .list();
  }

  @Test
  void createsAUserWithParsedPhonesAndIndexesNameEmailAndPhoneButNotThePersonalStatus() {
    Tenant acme = newTenant("Acme");

    Api.Response created =
        acme.api().post("/api/v2/users", user("Jürgen Müller", "J.Mueller@Acme.example", phone("WORK", "030 1234567")));

    assertThat(created.status()).isEqualTo(201);
    var json = created.json();
    String id = json.get("id").asText();
    assertThat(json.get("state").asText()).isEqualTo("active");
    assertThat(json.get("email").asText()).isEqualTo("J.Mueller@Acme.example");
    assertThat(json.get("phoneNumbers").get(0).get("display").asText()).isEqualTo("030 1234567");
    assertThat(json.get("phoneNumbers").get(0).get("e164").asText()).isEqualTo("+49301234567");
    assertThat(json.get("phoneNumbers").get(0).get("type").asText()).isEqualTo("WORK");
    assertThat(json.get("selfUri").asText()).isEqualTo("/api/v2/users/" + id);
    assertThat(indexedValues(id))
        .containsExactly("EMAIL:j.mueller@acme.example", "NAME:jurgen muller", "PHONE:+49301234567");

    Api.Response fetched = acme.api().get("/api/v2/users/" + id);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().get("personalStatus").asText()).isEqualTo("Back Monday");
    assertThat(fetched.json().get("title").asText()).isEqualTo("Agent");
  }

  @Test
  void aDuplicateEmailInTheSameOrgIsAConflictWhateverItsCaseButAnotherOrgMayUseIt() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    acme.api().post("/api/v2/users", user("Ann", "ann@example.com"));
    long before = count("directory_users");

    Api.Response duplicate = acme.api().post("/api/v2/users", user("Other Ann", " ANN@example.com "));

    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(count("directory_users")).isEqualTo(before);
    assertThat(globex.api().post("/api/v2/users", user("Ann", "ann@example.com")).status()).isEqualTo(201);
  }

  @Test
  void invalidFieldsAreNamedAndNothingIsWritten() {
    Tenant acme = newTenant("Acme");
    long users = count("directory_users");
    long identifiers = count("identifier_index");

    assertThat(fieldOf(acme.api().post("/api/v2/users", Map.of("email", "a@example.com")))).isEqualTo("name");
    assertThat(fieldOf(acme.api().post("/api/v2/users", Map.of("name", "A")))).isEqualTo("email");
    assertThat(fieldOf(acme.api().post("/api/v2/users", Map.of("name", "A", "email", "not-an-email")))).isEqualTo("email");
    assertThat(fieldOf(acme.api().post("/api/v2/users", Map.of("name", "A", "email", "a@example.com", "state", "sleeping"))))
        .isEqualTo("state");
    assertThat(fieldOf(acme.api().post("/api/v2/users", user("A", "a@example.com", phone("WORK", "+49 30 1234567"), phone("MOBILE", "call me")))))
        .isEqualTo("phoneNumbers[1].display");
    assertThat(fieldOf(acme.api().post("/api/v2/users", user("A", "a@example.com", phone("PAGER", "030 1234567")))))
        .isEqualTo("phoneNumbers[0].type");
    assertThat(fieldOf(acme.api().post("/api/v2/users", Map.of("name", "A", "email", "a@example.com", "phoneNumbers", "030"))))
        .isEqualTo("phoneNumbers");

    assertThat(count("directory_users")).isEqualTo(users);
    assertThat(count("identifier_index")).isEqualTo(identifiers);
  }

  private static String fieldOf(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    return response.json().get("details").get(0).get("fieldName").asText();
  }

  @Test
  void aPhoneSentAsE164AloneIsAccepted() {
    Tenant acme = newTenant("Acme");

    Api.Response created =
        acme.api().post("/api/v2/users", user("Bea", "bea@example.com", Map.of("type", "MOBILE", "e164", "+4915112345678")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("phoneNumbers").get(0).get("e164").asText()).isEqualTo("+4915112345678");
  }

  @Test
  void listsActiveUsersByDefaultInPagesAndFiltersByState() {
    Tenant acme = newTenant("Acme");
    for (String name : List.of("Carl", "Anna", "Bert")) {
      acme.api().post("/api/v2/users", user(name, name.toLowerCase() + "@example.com"));
    }
    acme.api().post("/api/v2/users", Map.of("name", "Dora", "email", "dora@example.com", "state", "inactive"));

    Api.Response page1 = acme.api().get("/api/v2/users?pageSize=2&pageNumber=1");
    Api.Response page2 = acme.api().get("/api/v2/users?pageSize=2&pageNumber=2");

    assertThat(page1.json().get("total").asLong()).isEqualTo(3);
    assertThat(page1.json().get("pageCount").asLong()).isEqualTo(2);
    assertThat(page1.json().get("entities").findValuesAsText("name")).containsExactly("Anna", "Bert");
    assertThat(page1.json().get("nextUri").asText()).isEqualTo("/api/v2/users?state=active&pageSize=2&pageNumber=2");
    assertThat(page2.json().get("entities").findValuesAsText("name")).containsExactly("Carl");
    assertThat(acme.api().get("/api/v2/users?state=inactive").json().get("entities").findValuesAsText("name"))
        .containsExactly("Dora");
    assertThat(acme.api().get("/api/v2/users?state=any").json().get("total").asLong()).isEqualTo(4);
    assertThat(fieldOf(acme.api().get("/api/v2/users?state=deleted"))).isEqualTo("state");
  }

  @Test
  void putReplacesEveryFieldAndReindexes() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post("/api/v2/users", user("Old Name", "old@example.com", phone("WORK", "030 1234567"))).json().get("id").asText();

    Api.Response replaced =
        acme.api().put("/api/v2/users/" + id, Map.of("name", "New Name", "email", "new@example.com", "state", "inactive"));

    assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
    assertThat(replaced.json().get("name").asText()).isEqualTo("New Name");
    assertThat(replaced.json().get("state").asText()).isEqualTo("inactive");
    assertThat(replaced.json().has("title")).as("absent fields are cleared by PUT").isFalse();
    assertThat(replaced.json().get("phoneNumbers")).isEmpty();
    assertThat(replaced.json().get("version").asInt()).isEqualTo(2);
    assertThat(indexedValues(id)).containsExactly("EMAIL:new@example.com", "NAME:name new");
  }

  @Test
  void patchChangesOnlyTheGivenFieldsAndAStaleVersionIsAConflict() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post("/api/v2/users", user("Eva", "eva@example.com", phone("WORK", "030 1234567"))).json().get("id").asText();

    Api.Response patched = acme.api().patch("/api/v2/users/" + id, Map.of("title", "Supervisor", "version", 1));

    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.json().get("title").asText()).isEqualTo("Supervisor");
    assertThat(patched.json().get("email").asText()).isEqualTo("eva@example.com");
    assertThat(patched.json().get("phoneNumbers")).hasSize(1);
    assertThat(patched.json().get("personalStatus").asText()).isEqualTo("Back Monday");
    Api.Response stale = acme.api().patch("/api/v2/users/" + id, Map.of("title", "Lost update", "version", 1));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(acme.api().get("/api/v2/users/" + id).json().get("title").asText()).isEqualTo("Supervisor");
  }

  @Test
  void anUpdateToAnotherUsersEmailIsAConflictAndChangesNothing() {
    Tenant acme = newTenant("Acme");
    acme.api().post("/api/v2/users", user("Fay", "fay@example.com"));
    String id = acme.api().post("/api/v2/users", user("Gus", "gus@example.com")).json().get("id").asText();

    Api.Response conflict = acme.api().patch("/api/v2/users/" + id, Map.of("email", "FAY@example.com"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().get("code").asText()).isEqualTo("request.conflict");
    assertThat(indexedValues(id)).contains("EMAIL:gus@example.com");
  }

  @Test
  void anInvalidUpdateIsNamedAndChangesNothing() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post("/api/v2/users", user("Hal", "hal@example.com")).json().get("id").asText();

    assertThat(fieldOf(acme.api().patch("/api/v2/users/" + id, Map.of("phoneNumbers", List.of(phone("WORK", "ext. twelve")))))).isEqualTo("phoneNumbers[0].display");
    assertThat(fieldOf(acme.api().put("/api/v2/users/" + id, Map.of("name", "Hal")))).isEqualTo("email");

    var stored = acme.api().get("/api/v2/users/" + id).json();
    assertThat(stored.get("version").asInt()).isEqualTo(1);
    assertThat(stored.get("phoneNumbers")).isEmpty();
  }

  @Test
  void deletingAUserRemovesItAndItsIdentifiers() {
    Tenant acme = newTenant("Acme");
    String id = acme.api().post("/api/v2/users", user("Ida", "ida@example.com", phone("WORK", "030 1234567"))).json().get("id").asText();
    assertThat(indexed(id)).isEqualTo(3);

    assertThat(acme.api().delete("/api/v2/users/" + id).status()).isEqualTo(204);

    assertThat(acme.api().get("/api/v2/users/" + id).status()).isEqualTo(404);
    assertThat(acme.api().delete("/api/v2/users/" + id).status()).isEqualTo(404);
    assertThat(indexed(id)).isZero();
  }

  @Test
  void anotherOrgsUsersAreNotFoundAndNeverListed() {
    Tenant acme = newTenant("Acme");
    Tenant globex = newTenant("Globex");
    String id = acme.api().post("/api/v2/users", user("Jo", "jo@example.com")).json().get("id").asText();

    assertThat(globex.api().get("/api/v2/users/" + id).status()).isEqualTo(404);
    assertThat(globex.api().put("/api/v2/users/" + id, user("Hijack", "x@example.com")).status()).isEqualTo(404);
    assertThat(globex.api().patch("/api/v2/users/" + id, Map.of("name", "Hijack")).status()).isEqualTo(404);
    assertThat(globex.api().delete("/api/v2/users/" + id).status()).isEqualTo(404);
    assertThat(globex.api().get("/api/v2/users?state=any").json().get("total").asLong()).isZero();
    assertThat(globex.api().get("/api/v2/users/not-a-uuid").status()).isEqualTo(404);
    assertThat(acme.api().get("/api/v2/users/" + id).json().get("name").asText()).isEqualTo("Jo");
  }

  @Test
  void eachOperationNeedsItsPermission() {
    Tenant acme = newTenant("Acme");
    Api.Response client =
        acme.api().post("/api/v2/oauth/clients", Map.of("name", "Viewer", "permissions", List.of("directory:user:view")));
    Api viewer = anonymous().withToken(anonymous().token(client.json().get("id").asText(), client.json().get("secret").asText()));
    String id = acme.api().post("/api/v2/users", user("Kim", "kim@example.com")).json().get("id").asText();

    assertThat(viewer.get("/api/v2/users/" + id).status()).isEqualTo(200);
    assertThat(viewer.post("/api/v2/users", user("Lea", "lea@example.com")).status()).isEqualTo(403);
    assertThat(viewer.patch("/api/v2/users/" + id, Map.of("name", "X")).status()).isEqualTo(403);
    assertThat(viewer.delete("/api/v2/users/" + id).status()).isEqualTo(403);
    assertThat(count("directory_users")).isEqualTo(1);
  }
}

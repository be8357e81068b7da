package io.datarights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datarights.support.Api;
import io.datarights.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes every endpoint of the API, and only those, with examples that
 * have the documented shapes and that the real endpoints accept. Its docs come from
 * {@code src/main/resources/openapi/<feature>.yml}; a failure here names the operation to fix there.
 */
class ApiDocumentationTest extends IntegrationTest {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private JsonNode doc;

  @BeforeEach
  void fetchTheDocument() {
    Api.Response response = anonymous().get("/api/v2/docs/openapi.json");
    assertThat(response.status()).as("a stale entry in openapi/*.yml, or two types under one schema name, stops the document: %s", response).isEqualTo(200);
    doc = response.json();
  }

  /** An operation of the document: its path, method and body. */
  private record Op(String path, String method, JsonNode node) {
    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private List<Op> operations() {
    List<Op> ops = new ArrayList<>();
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
      if (METHODS.contains(method.getKey())) {
        ops.add(new Op(path.getKey(), method.getKey(), method.getValue()));
      }
    }));
    return ops;
  }

  @Test
  void theOpenApiDocumentDescribesTheGdprEndpointsWithoutAToken() {
    assertThat(doc.get("paths").has("/api/v2/gdpr/requests")).isTrue();
    assertThat(doc.get("paths").has("/api/v2/gdpr/subjects")).isTrue();
    assertThat(doc.get("components").get("securitySchemes").has("bearer")).isTrue();
  }

  @Test
  void swaggerUiIsServed() {
    var redirect = anonymous().get("/api/v2/docs");
    assertThat(redirect.status()).isEqualTo(302);
    String location = redirect.header("Location");
    var ui = anonymous().get(location.startsWith("http") ? location.substring(location.indexOf("/", 8)) : location);

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.text()).contains("Swagger UI");
  }

  @Test
  void theDocumentDescribesTheApiAndNeitherTheConsoleNorTheErrorPage() {
    List<String> paths = new ArrayList<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);

    assertThat(paths).isNotEmpty().noneMatch(p -> p.startsWith("/console")).noneMatch(p -> p.startsWith("/error"));
    assertThat(paths).allMatch(p -> p.startsWith("/api/") || p.startsWith("/oauth/"));
    assertThat(operations()).hasSizeGreaterThanOrEqualTo(80);
  }

  @Test
  void everyOperationHasAOneLineSummaryAndADescribedTag() {
    Set<String> describedTags = new TreeSet<>();
    doc.path("tags").forEach(t -> {
      if (!t.path("description").asText().isBlank()) {
        describedTags.add(t.get("name").asText());
      }
    });
    List<String> problems = new ArrayList<>();
    for (Op op : operations()) {
      String summary = op.node().path("summary").asText();
      if (summary.isBlank() || summary.contains("\n")) {
        problems.add(op + " has no one-line summary");
      }
      JsonNode tags = op.node().path("tags");
      if (tags.size() != 1 || !describedTags.contains(tags.get(0).asText())) {
        problems.add(op + " has tags " + tags + ", not one of the described tags " + describedTags);
      }
    }
    assertThat(problems).as("add them to src/main/resources/openapi/<feature>.yml").isEmpty();
  }

  @Test
  void everyRequestBodyAndEverySuccessfulJsonAnswerHasAnExample() {
    List<String> problems = new ArrayList<>();
    for (Op op : operations()) {
      JsonNode body = op.node().path("requestBody").path("content");
      body.fields().forEachRemaining(media -> {
        if (!media.getValue().has("example") && !media.getValue().has("examples")) {
          problems.add(op + " has no example of its " + media.getKey() + " request body");
        }
      });
      op.node().path("responses").fields().forEachRemaining(response -> {
        JsonNode json = response.getValue().path("content").path("application/json");
        if (response.getKey().startsWith("2") && !json.isMissingNode() && !json.has("example")) {
          problems.add(op + " has no example of its " + response.getKey() + " answer");
        }
      });
    }
    assertThat(problems).as("add them to src/main/resources/openapi/<feature>.yml").isEmpty();
  }

  @Test
  void everyExampleHasTheDocumentedShape() {
    List<String> problems = new ArrayList<>();
    for (Op op : operations()) {
      forEachExample(op, (where, example) -> checkShape(example.schema(), example.value(), op + " " + where, problems));
    }
    assertThat(problems).as("an example with a field the schema does not have, or a value of another type").isEmpty();
  }

  @Test
  void everyErrorExampleIsAGenesysErrorBodyOfItsStatus() {
    List<String> problems = new ArrayList<>();
    List<String> gdprBadRequests = new ArrayList<>();
    for (Op op : operations()) {
      op.node().path("responses").fields().forEachRemaining(response -> {
        JsonNode answer = resolve(response.getValue());
        if (response.getKey().startsWith("2") || !answer.path("content").has("application/json")) {
          return;
        }
        JsonNode example = answer.path("content").path("application/json").path("example");
        if (example.path("status").asInt() != Integer.parseInt(response.getKey())
            || example.path("code").asText().isBlank()
            || example.path("message").asText().isBlank()
            || !example.has("messageWithParams") || !example.has("contextId") || !example.path("details").isArray()
            || !example.path("errors").isArray()) {
          problems.add(op + " " + response.getKey() + ": " + example);
        }
        if (response.getKey().equals("400") && op.path().startsWith("/api/v2/gdpr/")) {
          gdprBadRequests.add(op.toString());
          assertThat(example.path("details").get(0).path("fieldName").asText()).as(op + ": a 400 names its field").isNotBlank();
        }
      });
    }
    assertThat(problems).isEmpty();
    assertThat(gdprBadRequests).contains("GET /api/v2/gdpr/subjects", "POST /api/v2/gdpr/requests");
  }

  @Test
  void theGdprRequestExamplesAreAcceptedByTheRealEndpointAndAnswerTheDocumentedShape() {
    Tenant acme = newTenant("Acme");
    JsonNode post = doc.get("paths").get("/api/v2/gdpr/requests").get("post");
    JsonNode examples = post.get("requestBody").get("content").get("application/json").get("examples");
    JsonNode documentedAnswer = post.get("responses").get("202").get("content").get("application/json").get("example");
    assertThat(examples.size()).isEqualTo(3);

    for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext(); ) {
      var example = it.next();
      JsonNode body = example.getValue().get("value");
      boolean erasure = body.get("requestType").asText().equals("GDPR_DELETE");
      Api.Response filed = acme.api().post("/api/v2/gdpr/requests" + (erasure ? "?deleteConfirmed=true" : ""), body.toString());

      assertThat(filed.status()).as(example.getKey() + ": " + filed).isEqualTo(202);
      assertThat(filed.json().get("requestType").asText()).isEqualTo(body.get("requestType").asText());
      if (example.getKey().equals("export")) {
        assertThat(fieldNames(filed.json())).as("the documented answer has the real answer's fields").isEqualTo(fieldNames(documentedAnswer));
        assertThat(filed.json().get("subject")).isEqualTo(documentedAnswer.get("subject"));
      }
    }
  }

  @Test
  void theSubjectSearchExampleIsWhatTheRealSearchAnswersForTheDocumentedContact() {
    Tenant acme = newTenant("Acme");
    JsonNode contactExample =
        doc.get("paths").get("/api/v2/externalcontacts/contacts").get("post").get("requestBody").get("content").get("application/json").get("example");
    Api.Response created = acme.api().post("/api/v2/externalcontacts/contacts", contactExample.toString());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);

    JsonNode search = doc.get("paths").get("/api/v2/gdpr/subjects").get("get");
    String query = "";
    for (JsonNode parameter : search.get("parameters")) {
      query += (query.isEmpty() ? "?" : "&") + parameter.get("name").asText() + "="
          + URLEncoder.encode(parameter.get("example").asText(), StandardCharsets.UTF_8);
    }
    Api.Response found = acme.api().get("/api/v2/gdpr/subjects" + query);
    assertThat(found.status()).as(found.toString()).isEqualTo(200);

    JsonNode documented = contactEntity(search.get("responses").get("200").get("content").get("application/json").get("example"));
    JsonNode real = contactEntity(found.json());
    assertThat(real.get("externalContactId").asText()).isEqualTo(created.json().get("id").asText());
    assertThat(fieldNames(real)).isEqualTo(fieldNames(documented));
    assertThat(real.get("name")).isEqualTo(documented.get("name"));
    assertThat(real.get("emailAddresses")).isEqualTo(documented.get("emailAddresses"));
    assertThat(real.get("socialHandle")).isEqualTo(documented.get("socialHandle"));
  }

  private static JsonNode contactEntity(JsonNode listing) {
    for (JsonNode entity : listing.get("entities")) {
      if (entity.has("externalContactId")) {
        return entity;
      }
    }
    throw new AssertionError("no external contact in " + listing);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** An example and the schema it is an example of. */
  private record Example(JsonNode schema, JsonNode value) {}

  private void forEachExample(Op op, BiConsumer<String, Example> action) {
    op.node().path("requestBody").path("content").fields().forEachRemaining(media -> {
      JsonNode schema = media.getValue().path("schema");
      if (media.getValue().has("example")) {
        action.accept("request " + media.getKey(), new Example(schema, media.getValue().get("example")));
      }
      media.getValue().path("examples").fields().forEachRemaining(
          named -> action.accept("request example " + named.getKey(), new Example(schema, named.getValue().get("value"))));
    });
    op.node().path("responses").fields().forEachRemaining(response -> resolve(response.getValue()).path("content").fields().forEachRemaining(media -> {
      if (media.getValue().has("example")) {
        action.accept("answer " + response.getKey(), new Example(media.getValue().path("schema"), media.getValue().get("example")));
      }
    }));
  }

  /** Fields the schema does not declare, and values of another type than declared, recursively. */
  private void checkShape(JsonNode schemaOrRef, JsonNode example, String where, List<String> problems) {
    JsonNode schema = resolve(schemaOrRef);
    String type = schema.path("type").asText();
    if (example.isNull()) {
      return;
    }
    boolean typeFits =
        switch (type) {
          case "object" -> example.isObject();
          case "array" -> example.isArray();
          case "string" -> example.isTextual();
          case "integer" -> example.isIntegralNumber();
          case "number" -> example.isNumber();
          case "boolean" -> example.isBoolean();
          default -> true;
        };
    if (!typeFits) {
      problems.add(where + ": " + example + " is not of type " + type);
      return;
    }
    if (schema.has("enum") && example.isTextual()) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(v -> allowed.add(v.asText()));
      if (!allowed.contains(example.asText())) {
        problems.add(where + ": " + example + " is none of " + allowed);
      }
    }
    if (example.isArray() && schema.has("items")) {
      for (int i = 0; i < example.size(); i++) {
        checkShape(schema.get("items"), example.get(i), where + "[" + i + "]", problems);
      }
    }
    if (example.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      example.fields().forEachRemaining(field -> {
        if (properties.has(field.getKey())) {
          checkShape(properties.get(field.getKey()), field.getValue(), where + "." + field.getKey(), problems);
        } else if (additional.isObject()) {
          checkShape(additional, field.getValue(), where + "." + field.getKey(), problems);
        } else if (!properties.isMissingNode()) {
          problems.add(where + "." + field.getKey() + " is not a field of " + schemaOrRef.path("$ref").asText(schema.toString()));
        }
      });
    }
  }

  /** Follows a {@code $ref} to its component. */
  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText();
    if (ref.isEmpty()) {
      return node;
    }
    JsonNode target = doc;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    assertThat(target.isMissingNode()).as("unresolved " + ref).isFalse();
    return resolve(target);
  }
}

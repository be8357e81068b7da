package io.datarights.shared.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.datarights.shared.ErrorBody;
import io.datarights.shared.ErrorResponses;
import io.datarights.shared.PageParams;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;

/**
 * The summaries, descriptions, tags and examples of the API's operations, kept as data next to the
 * code: one file per feature, {@code src/main/resources/openapi/<feature>.yml}, with its entries keyed
 * by {@code "METHOD /path"} exactly as the path appears in the document. They are laid over the
 * document that springdoc generates from the controllers, which stay free of documentation
 * annotations.
 *
 * <p>An entry that names no operation of the document, or an example for a body the operation does
 * not have, is an error: the document is not served and the documentation test fails, so the docs
 * cannot rot silently when an endpoint moves.
 */
final class OperationDocs {

  static final String LOCATION = "classpath*:openapi/*.yml";

  /** The same in every error example, so that the document does not change from one start to the next. */
  static final String EXAMPLE_CONTEXT_ID = "2f1c8d0e-5b7a-4c3e-9d61-0a4b8e7f3c21";

  private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> IGNORED_HEADERS = Set.of("accept", "content-type", "authorization");

  /** One feature's file. {@code tag} is the default of its operations; {@code order} places its tags. */
  record Feature(Integer order, String tag, List<TagDoc> tags, Map<String, OperationDoc> operations) {}

  record TagDoc(String name, String description) {}

  /**
   * One operation. {@code status} corrects the success status springdoc assumes (200) when the
   * controller answers another; {@code produces} replaces a JSON success body by a binary download;
   * {@code requestSchema} replaces a generated request schema (form and multipart bodies).
   */
  record OperationDoc(
      String tag,
      String summary,
      String description,
      Integer status,
      String produces,
      Map<String, ParameterDoc> parameters,
      JsonNode requestSchema,
      JsonNode requestExample,
      Map<String, NamedExample> requestExamples,
      JsonNode responseExample,
      Map<String, ErrorDoc> errors) {}

  record ParameterDoc(String description, JsonNode example) {}

  record NamedExample(String summary, String description, JsonNode value) {}

  /**
   * An error answer, written as the Genesys error body the service would send: {@code code} defaults
   * by status ({@code invalid.value} for a 400 naming a {@code field}); {@code headers} are documented
   * response headers (name to description).
   */
  record ErrorDoc(
      String description, String code, String message, String field, Map<String, String> params,
      Map<String, String> headers) {}

  private record Source(String name, Feature feature) {}

  private final List<Source> sources;

  private OperationDocs(List<Source> sources) {
    this.sources = sources;
  }

  static OperationDocs load(String pattern) {
    YAMLMapper yaml = new YAMLMapper();
    List<Source> sources = new ArrayList<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          sources.add(new Source("openapi/" + resource.getFilename(), yaml.readValue(in, Feature.class)));
        } catch (IOException e) {
          throw new IllegalStateException("Cannot read the API docs in openapi/" + resource.getFilename() + ": " + e.getMessage(), e);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    sources.sort(Comparator.comparing((Source s) -> order(s.feature())).thenComparing(Source::name));
    return new OperationDocs(sources);
  }

  private static int order(Feature feature) {
    return feature.order() == null ? 100 : feature.order();
  }

  /** Lays the docs over the document; throws, naming every stale entry, if any is out of date. */
  void applyTo(OpenAPI openApi) {
    List<String> problems = new ArrayList<>();
    Map<String, String> documentedIn = new LinkedHashMap<>();
    List<Tag> tags = new ArrayList<>();
    for (Source source : sources) {
      Feature feature = source.feature();
      if (feature.tags() != null) {
        feature.tags().forEach(t -> tags.add(new Tag().name(t.name()).description(t.description())));
      }
      if (feature.operations() == null) {
        continue;
      }
      feature.operations().forEach((key, doc) -> {
        String where = source.name() + ": " + key;
        String earlier = documentedIn.put(key, source.name());
        if (earlier != null) {
          problems.add(where + " is documented in " + earlier + " too");
        }
        Operation operation = find(openApi, key);
        if (operation == null) {
          problems.add(where + " is not an operation of the API (renamed or removed? fix or delete the entry)");
          return;
        }
        apply(operation, doc, feature, where, problems);
      });
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The API docs under src/main/resources/openapi are out of date:\n  " + String.join("\n  ", problems));
    }
    openApi.setTags(tags);
    if (openApi.getPaths() != null) {
      openApi.getPaths().values().forEach(item -> item.readOperations().forEach(OperationDocs::commonParameters));
    }
  }

  /** What holds for every operation: the paging parameters, and no header parameters OpenAPI ignores. */
  private static void commonParameters(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    // The security schemes and media types describe these; OpenAPI ignores them as parameters.
    operation.getParameters().removeIf(p -> "header".equals(p.getIn()) && IGNORED_HEADERS.contains(p.getName().toLowerCase(Locale.ROOT)));
    for (Parameter p : operation.getParameters()) {
      if (p.getDescription() == null && p.getName().equals("pageSize")) {
        p.setDescription("Entities per page, 1 to " + PageParams.MAX_SIZE + "; default " + PageParams.DEFAULT_SIZE + ".");
      } else if (p.getDescription() == null && p.getName().equals("pageNumber")) {
        p.setDescription("The page, counted from 1; default 1.");
      }
    }
  }

  private static Operation find(OpenAPI openApi, String key) {
    String[] parts = key.split(" ", 2);
    if (parts.length != 2 || openApi.getPaths() == null) {
      return null;
    }
    PathItem item = openApi.getPaths().get(parts[1]);
    if (item == null) {
      return null;
    }
    try {
      return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void apply(Operation operation, OperationDoc doc, Feature feature, String where, List<String> problems) {
    String tag = doc.tag() != null ? doc.tag() : feature.tag();
    if (tag == null || doc.summary() == null || doc.summary().isBlank()) {
      problems.add(where + " needs a summary and a tag");
      return;
    }
    operation.setTags(List.of(tag));
    operation.setSummary(doc.summary().strip());
    if (doc.description() != null && (operation.getDescription() == null || !operation.getDescription().startsWith(doc.description().strip()))) {
      // Other modules may have described the operation already (the permission it needs): keep that, after ours.
      String ours = doc.description().strip();
      operation.setDescription(operation.getDescription() == null ? ours : ours + "\n\n" + operation.getDescription());
    }
    parameters(operation, doc, where, problems);
    String success = successStatus(operation, doc, where, problems);
    requestBody(operation, doc, where, problems);
    if (success != null) {
      responseBody(operation.getResponses().get(success), doc, where, problems);
    }
    if (doc.errors() != null) {
      doc.errors().forEach((status, error) -> operation.getResponses().addApiResponse(status, errorResponse(status, error, where, problems)));
    }
  }

  private static void parameters(Operation operation, OperationDoc doc, String where, List<String> problems) {
    if (doc.parameters() == null) {
      return;
    }
    doc.parameters().forEach((name, p) -> {
      Parameter parameter =
          operation.getParameters() == null ? null
              : operation.getParameters().stream().filter(q -> q.getName().equals(name)).findFirst().orElse(null);
      if (parameter == null) {
        problems.add(where + " has no parameter " + name);
        return;
      }
      parameter.setDescription(p.description());
      if (p.example() != null) {
        parameter.setExample(p.example());
      }
    });
  }

  /** The key of the success response, moved to the status the controller really answers. */
  private static String successStatus(Operation operation, OperationDoc doc, String where, List<String> problems) {
    ApiResponses responses = operation.getResponses();
    String success = responses.keySet().stream().filter(k -> k.startsWith("2")).findFirst().orElse(null);
    if (doc.status() == null || success == null || success.equals(doc.status().toString())) {
      return success;
    }
    HttpStatus status = HttpStatus.resolve(doc.status());
    if (status == null || !status.is2xxSuccessful()) {
      problems.add(where + " has status " + doc.status() + ", not a success status");
      return success;
    }
    ApiResponse response = responses.remove(success);
    response.setDescription(status.getReasonPhrase());
    if (status == HttpStatus.NO_CONTENT) {
      response.setContent(null);
    }
    // Success first, then the errors, in the order a reader looks for them.
    ApiResponses reordered = new ApiResponses();
    reordered.addApiResponse(status.value() + "", response);
    responses.forEach(reordered::addApiResponse);
    operation.setResponses(reordered);
    return status.value() + "";
  }

  private static void requestBody(Operation operation, OperationDoc doc, String where, List<String> problems) {
    boolean documented = doc.requestExample() != null || doc.requestExamples() != null || doc.requestSchema() != null;
    if (!documented) {
      return;
    }
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      problems.add(where + " documents a request body it does not take");
      return;
    }
    for (MediaType media : operation.getRequestBody().getContent().values()) {
      if (doc.requestSchema() != null) {
        media.setSchema(Json.mapper().convertValue(doc.requestSchema(), Schema.class));
      }
      if (doc.requestExample() != null) {
        media.setExample(doc.requestExample());
      }
      if (doc.requestExamples() != null) {
        doc.requestExamples().forEach((name, e) ->
            media.addExamples(name, new Example().summary(e.summary()).description(e.description()).value(e.value())));
      }
    }
  }

  private static void responseBody(ApiResponse response, OperationDoc doc, String where, List<String> problems) {
    if (doc.produces() != null) {
      response.setContent(new Content().addMediaType(doc.produces(), new MediaType().schema(new StringSchema().format("binary"))));
    }
    if (doc.responseExample() == null) {
      return;
    }
    if (response.getContent() == null || response.getContent().isEmpty()) {
      problems.add(where + " documents a response body it does not send");
      return;
    }
    response.getContent().values().forEach(media -> media.setExample(doc.responseExample()));
  }

  private static ApiResponse errorResponse(String statusKey, ErrorDoc error, String where, List<String> problems) {
    HttpStatus status = HttpStatus.resolve(Integer.parseInt(statusKey));
    String code = error.code() != null ? error.code() : defaultCode(status, error.field());
    if (status == null || status.is2xxSuccessful() || code == null || error.message() == null) {
      problems.add(where + " error " + statusKey + " needs an error status, a message and a code");
      return new ApiResponse().description(statusKey);
    }
    Map<String, String> params = new LinkedHashMap<>(error.params() == null ? Map.of() : error.params());
    List<ErrorBody.Detail> details = List.of();
    if (error.field() != null) {
      params.putIfAbsent("field", error.field());
      details = List.of(new ErrorBody.Detail(code, error.field()));
    }
    ObjectNode body = MAPPER.valueToTree(ErrorResponses.body(status, code, error.message(), params, details));
    body.put("contextId", EXAMPLE_CONTEXT_ID);
    ApiResponse response =
        new ApiResponse()
            .description(error.description() != null ? error.description().strip() : status.getReasonPhrase())
            .content(new Content().addMediaType(JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorBody")).example(body)));
    if (error.headers() != null) {
      error.headers().forEach((name, description) -> response.addHeaderObject(name, new Header().description(description).schema(new StringSchema())));
    }
    return response;
  }

  private static String defaultCode(HttpStatus status, String field) {
    if (status == null) {
      return null;
    }
    return switch (status) {
      case BAD_REQUEST -> field != null ? "invalid.value" : "bad.request";
      case NOT_FOUND -> "not.found";
      case CONFLICT -> "request.conflict";
      case TOO_MANY_REQUESTS -> "too.many.requests.retry.after";
      default -> null;
    };
  }
}

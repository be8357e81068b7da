package io.datarights.security.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datarights.security.Caller;
import io.datarights.security.PublicPaths;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.ErrorResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

/**
 * What only the security module knows, written into the OpenAPI document: the permission each
 * operation needs (and its 403), the paths that take no bearer token, HTTP Basic on the token
 * endpoint (and the 401 everywhere else). Derived from {@link RequiresPermission} and the public
 * paths, so the document cannot drift from what is enforced.
 */
@Configuration(proxyBeanMethods = false)
class SecurityApiDocs {

  static final String TOKEN_PATH = "/oauth/token";
  /** The same in every example, so that the document does not change from one start to the next. */
  private static final String EXAMPLE_CONTEXT_ID = "2f1c8d0e-5b7a-4c3e-9d61-0a4b8e7f3c21";
  private static final String ERROR_BODY = "#/components/schemas/ErrorBody";

  static {
    // The Caller is resolved from the bearer token, never read from the request.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
  }

  private final ObjectMapper json = new ObjectMapper();

  @Bean
  OperationCustomizer requiredPermissionDocs() {
    return (operation, handler) -> {
      RequiresPermission required = handler.getMethodAnnotation(RequiresPermission.class);
      if (required != null) {
        operation.addExtension("x-required-permission", required.value());
        operation.setDescription(
            join(operation.getDescription(), "Requires the permission `" + required.value() + "`."));
        operation.getResponses().addApiResponse(
            "403",
            error("The client lacks the permission " + required.value() + ".",
                example(ErrorResponses.body(ApiException.missingPermission(required.value())))));
      }
      return operation;
    };
  }

  @Bean
  OpenApiCustomizer authenticationDocs(List<PublicPaths> featurePaths) {
    List<String> open =
        Stream.concat(Stream.of(SecurityConfiguration.PUBLIC_PATHS), featurePaths.stream().flatMap(p -> p.patterns().stream()))
            .toList();
    AntPathMatcher matcher = new AntPathMatcher();
    return openApi -> {
      openApi.getComponents()
          .addSecuritySchemes(
              "clientCredentials",
              new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                  .description("The OAuth client's id and secret, for POST " + TOKEN_PATH + " only."))
          .addResponses(
              "Unauthorized",
              error("No bearer token, or one that is invalid or expired.",
                  example(ErrorResponses.body(
                      HttpStatus.UNAUTHORIZED, "authentication.required",
                      "No authentication bearer token specified in authorization header.", Map.of(), List.of()))));
      if (openApi.getPaths() == null) {
        return;
      }
      openApi.getPaths().forEach((path, item) -> {
        boolean isOpen = open.stream().anyMatch(pattern -> matcher.match(pattern, path));
        for (Operation operation : item.readOperations()) {
          if (path.equals(TOKEN_PATH)) {
            operation.setSecurity(List.of(new SecurityRequirement().addList("clientCredentials")));
          } else if (isOpen) {
            // An empty list overrides the document's bearer requirement: no token needed.
            operation.setSecurity(new ArrayList<>());
          } else {
            operation.getResponses().addApiResponse("401", new ApiResponse().$ref("#/components/responses/Unauthorized"));
          }
        }
      });
    };
  }

  private ObjectNode example(io.datarights.shared.ErrorBody body) {
    ObjectNode node = json.valueToTree(body);
    node.put("contextId", EXAMPLE_CONTEXT_ID);
    return node;
  }

  private static ApiResponse error(String description, Object example) {
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref(ERROR_BODY)).example(example)));
  }

  private static String join(String first, String second) {
    return first == null || first.isBlank() ? second : first + "\n\n" + second;
  }
}

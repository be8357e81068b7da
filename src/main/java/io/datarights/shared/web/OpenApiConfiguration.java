package io.datarights.shared.web;

import io.datarights.shared.ErrorBody;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at /api/v2/docs/openapi.json and Swagger UI at /api/v2/docs: generated from
 * the controllers, with each feature's summaries and examples from {@code openapi/<feature>.yml}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI datarightsOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Datarights API")
                .version("v2")
                .description(
                    """
                    GDPR data-subject rights for a contact-centre platform, wire-compatible with the Genesys Cloud \
                    Platform API v2 GDPR endpoints: existing Genesys SDK clients work unchanged, and extra fields \
                    (marked as extensions) are ones they ignore.

                    Get a token with `POST /oauth/token` (client credentials, HTTP Basic with the client's id and \
                    secret) and send it as `Authorization: Bearer <token>`. Every object belongs to the caller's \
                    organization; another organization's object, or a malformed id, is a 404. Errors have the \
                    Genesys error body (`status`, `code`, `message`, `messageWithParams`, `messageParams`, \
                    `contextId`, `details`, `errors`); every 400 names the offending field in `details[].fieldName`. \
                    Listings are pages: `entities`, `pageSize`, `pageNumber`, `total`, `pageCount` and links."""))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  @Bean
  UniqueSchemaNames uniqueSchemaNames() {
    return new UniqueSchemaNames();
  }

  /** Read at start-up, so that a malformed docs file stops the application rather than the docs page. */
  @Bean
  OpenApiCustomizer operationDocs() {
    OperationDocs docs = OperationDocs.load(OperationDocs.LOCATION);
    return openApi -> {
      // Every error response refers to the Genesys error body, whether or not a controller returns it.
      ModelConverters.getInstance().readAll(ErrorBody.class).forEach(openApi.getComponents()::addSchemas);
      docs.applyTo(openApi);
    };
  }
}

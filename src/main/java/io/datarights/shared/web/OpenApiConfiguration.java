package io.datarights.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /api/v2/docs/openapi.json and Swagger UI at /api/v2/docs. */
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
                    "GDPR data-subject rights for a contact-centre platform, wire-compatible with the Genesys Cloud "
                        + "Platform API v2 GDPR endpoints. Get a token with POST /oauth/token (client credentials, "
                        + "HTTP Basic) and send it as a bearer token."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }
}

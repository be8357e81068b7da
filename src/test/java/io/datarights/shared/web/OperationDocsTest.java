package io.datarights.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class OperationDocsTest {

  private static OpenAPI documentWith(String path) {
    ApiResponse ok = new ApiResponse().description("OK").content(new Content().addMediaType("application/json", new MediaType()));
    Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", ok));
    return new OpenAPI().paths(new Paths().addPathItem(path, new PathItem().get(list)));
  }

  @Test
  void anEntryForAnEndpointThatNoLongerExistsStopsTheDocumentAndIsNamed() {
    OperationDocs docs = OperationDocs.load("classpath*:operation-docs/stale.yml");

    assertThatThrownBy(() -> docs.applyTo(documentWith("/api/v2/gadgets")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("openapi/stale.yml: GET /api/v2/widgets is not an operation of the API");
  }

  @Test
  void theEntriesOfExistingEndpointsAreLaidOverTheDocument() {
    OpenAPI document = documentWith("/api/v2/gadgets");
    document.getPaths().addPathItem("/api/v2/widgets", documentWith("/api/v2/widgets").getPaths().get("/api/v2/widgets"));

    OperationDocs.load("classpath*:operation-docs/stale.yml").applyTo(document);

    Operation widgets = document.getPaths().get("/api/v2/widgets").getGet();
    assertThat(widgets.getSummary()).isEqualTo("List widgets");
    assertThat(widgets.getTags()).containsExactly("Widgets");
    assertThat(widgets.getResponses().get("200").getContent().get("application/json").getExample()).hasToString("{\"entities\":[]}");
    assertThat(document.getTags()).extracting("name").containsExactly("Widgets");
  }
}

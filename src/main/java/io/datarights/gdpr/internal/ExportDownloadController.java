package io.datarights.gdpr.internal;

import io.datarights.security.PublicPaths;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.Ids;
import io.datarights.shared.OrgId;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Downloads of export packages through their signed links; no bearer token needed. */
@RestController
class ExportDownloadController {

  private final ExportLinks links;
  private final PackageStore store;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  ExportDownloadController(ExportLinks links, PackageStore store, JdbcClient jdbc, ApplicationEventPublisher events) {
    this.links = links;
    this.store = store;
    this.jdbc = jdbc;
    this.events = events;
  }

  @Configuration(proxyBeanMethods = false)
  static class SignedLinksArePublic {
    @Bean
    PublicPaths exportDownloads() {
      return new PublicPaths(List.of("/api/v2/gdpr/requests/*/results"));
    }
  }

  private record Package(OrgId org, String blob, boolean erased) {}

  @GetMapping(ExportLinks.PATH)
  ResponseEntity<StreamingResponseBody> download(
      @PathVariable String requestId,
      @RequestParam(required = false) Long expires,
      @RequestParam(required = false) String signature) {
    UUID id = Ids.existingOrNotFound(requestId, "export package");
    if (expires == null || signature == null) {
      throw invalidLink();
    }
    // The link names no org: the request id finds it, the signature (over org and id) proves it.
    // The id of no request is answered as a wrong signature is: a link reveals nothing about ids.
    Package found =
        jdbc.sql("select org_id, results_blob, results_erased_at is not null from gdpr_requests where request_id = :id")
            .param("id", id)
            .query((rs, row) -> new Package(new OrgId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3)))
            .optional()
            .orElseThrow(ExportDownloadController::invalidLink);
    switch (links.check(found.org(), id, expires, signature)) {
      case INVALID -> throw invalidLink();
      case EXPIRED -> throw new ApiException(HttpStatus.GONE, "link.expired", "This download link has expired; file a new export request.", Map.of(), List.of(), null);
      case VALID -> {}
    }
    if (found.erased()) {
      throw new ApiException(HttpStatus.GONE, "results.erased",
          "This export package was deleted when its data subject's data was erased.", Map.of(), List.of(), null);
    }
    if (found.blob() == null) {
      throw ApiException.notFound("export package");
    }
    events.publishEvent(AuditableEvent.of(found.org(), "gdpr.export.downloaded", "signed-link", "gdprRequest", id.toString()));
    StreamingResponseBody body =
        out -> {
          try (InputStream in = store.open(found.org(), found.blob())) {
            in.transferTo(out);
          }
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gdpr-export-" + id + ".zip\"")
        .body(body);
  }

  private static ApiException invalidLink() {
    return new ApiException(HttpStatus.FORBIDDEN, "link.invalid", "This download link is not valid.", Map.of(), List.of(), null);
  }

}

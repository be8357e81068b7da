package io.datarights.bulkerasure.internal;

import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v2/gdpr/bulk-erasures}: file a bulk erasure, list them, follow one. */
@RestController
class BulkErasureController {

  private final BulkErasureService service;
  private final BulkErasureRepository jobs;
  private final Clock clock;

  BulkErasureController(BulkErasureService service, BulkErasureRepository jobs, Clock clock) {
    this.service = service;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** The file as the multipart field {@code file}, or as the whole body with {@code Content-Type: text/csv}. */
  @PostMapping(path = BulkErasureView.PATH, consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, "text/csv"})
  @RequiresPermission(Permissions.GDPR_REQUEST_ADD)
  ResponseEntity<BulkErasureView> create(
      Caller caller,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) Boolean deleteConfirmed,
      HttpServletRequest request)
      throws IOException {
    boolean multipart = request.getContentType() != null && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
    if (multipart && file == null) {
      throw ApiException.invalidValue("file", "Send the subjects as the multipart field file (or as a text/csv body).");
    }
    StoredJob job;
    try (InputStream csv = multipart ? file.getInputStream() : request.getInputStream()) {
      job = service.file(caller, csv, deleteConfirmed);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(job));
  }

  @GetMapping(BulkErasureView.PATH)
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  Listing<BulkErasureView> list(
      Caller caller, @RequestParam(required = false) Integer pageSize, @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<BulkErasureView> entities = jobs.list(caller.orgId(), page).stream().map(this::view).toList();
    return Listing.of(entities, page, jobs.count(caller.orgId()), BulkErasureView.PATH);
  }

  @GetMapping(BulkErasureView.PATH + "/{jobId}")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  BulkErasureView get(Caller caller, @PathVariable String jobId) {
    return jobs.find(caller.orgId(), Ids.existingOrNotFound(jobId, "bulk erasure"))
        .map(this::view)
        .orElseThrow(() -> ApiException.notFound("bulk erasure"));
  }

  private BulkErasureView view(StoredJob job) {
    return BulkErasureView.of(job, jobs.progress(job.org(), job.id()), clock.instant());
  }
}

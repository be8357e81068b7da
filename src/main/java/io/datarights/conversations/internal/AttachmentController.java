package io.datarights.conversations.internal;

import io.datarights.conversations.internal.ConversationViews.AttachmentView;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/v2/conversations/{id}/attachments}: files and recordings of an interaction. */
@RestController
@RequestMapping(ConversationViews.PATH + "/{conversationId}/attachments")
class AttachmentController {

  private final AttachmentService attachments;

  AttachmentController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RequiresPermission(ConversationController.EDIT)
  ResponseEntity<AttachmentView> upload(
      Caller caller,
      @PathVariable String conversationId,
      @RequestPart("file") MultipartFile file,
      @RequestParam(required = false) String participantId,
      @RequestParam(required = false) String kind) {
    var attachment = attachments.upload(caller.orgId(), conversationId, file, participantId, kind);
    AttachmentView view = AttachmentView.of(UUID.fromString(conversationId.strip()), attachment);
    return ResponseEntity.created(URI.create(view.selfUri())).body(view);
  }

  @GetMapping("/{attachmentId}")
  @RequiresPermission(ConversationController.VIEW)
  AttachmentView metadata(Caller caller, @PathVariable String conversationId, @PathVariable String attachmentId) {
    var attachment = attachments.metadata(caller.orgId(), conversationId, attachmentId);
    return AttachmentView.of(UUID.fromString(conversationId.strip()), attachment);
  }

  /**
   * The file as uploaded, always as a download ({@code attachment} disposition, no sniffing), so
   * that an uploaded HTML or SVG file never renders in a browser on this origin.
   */
  @GetMapping("/{attachmentId}/content")
  @RequiresPermission(ConversationController.VIEW)
  ResponseEntity<Resource> content(Caller caller, @PathVariable String conversationId, @PathVariable String attachmentId) {
    AttachmentService.Download download = attachments.open(caller.orgId(), conversationId, attachmentId);
    var attachment = download.attachment();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.contentType()))
        .contentLength(attachment.size())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition(attachment.fileName()))
        .header(HttpHeaders.ETAG, "\"" + attachment.sha256() + "\"")
        .body(new InputStreamResource(download.content()));
  }

  @DeleteMapping("/{attachmentId}")
  @RequiresPermission(ConversationController.DELETE)
  ResponseEntity<Void> delete(Caller caller, @PathVariable String conversationId, @PathVariable String attachmentId) {
    attachments.delete(caller.orgId(), conversationId, attachmentId);
    return ResponseEntity.noContent().build();
  }

  static String disposition(String fileName) {
    String safe = DownloadNames.safe(fileName);
    boolean ascii = safe.chars().allMatch(c -> c < 128);
    ContentDisposition.Builder builder = ContentDisposition.attachment();
    return (ascii ? builder.filename(safe) : builder.filename(safe, StandardCharsets.UTF_8)).build().toString();
  }
}

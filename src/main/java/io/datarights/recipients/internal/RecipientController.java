package io.datarights.recipients.internal;

import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v2/governance/recipients}: the calling org's Art. 19 recipients and what was sent to
 * each of them.
 */
@RestController
@RequestMapping(RecipientController.PATH)
class RecipientController {

  static final String PATH = "/api/v2/governance/recipients";
  static final String VIEW = "governance:recipient:view";
  static final String EDIT = "governance:recipient:edit";

  private final RecipientService service;
  private final RecipientRepository recipients;
  private final NotificationRepository notifications;

  RecipientController(RecipientService service, RecipientRepository recipients, NotificationRepository notifications) {
    this.service = service;
    this.recipients = recipients;
    this.notifications = notifications;
  }

  record CreateRecipient(
      @NotBlank @Size(max = 200) String name,
      String url,
      @Size(min = 16, max = 256) String secret,
      List<String> events,
      Boolean active) {}

  /** {@code secret} is present only in the answer to the creation, the one time it is shown. */
  record RecipientView(
      String id, String name, String url, List<RecipientEvent> events, boolean active, Instant createdDate,
      String secret, String deliveriesUri, String selfUri) {
    static RecipientView of(StoredRecipient r, String secret) {
      String self = PATH + "/" + r.id();
      return new RecipientView(
          r.id().toString(), r.name(), r.url(), r.events(), r.active(), r.createdAt(), secret, self + "/deliveries", self);
    }
  }

  record DeliveryView(
      String id, String requestId, String requestType, NotificationStatus status, int attempts, Instant createdDate,
      Instant completedDate, Instant lastAttemptDate, Instant deliveredDate, Integer lastStatusCode, DeliveryFailure lastFailure) {
    static DeliveryView of(StoredNotification n) {
      return new DeliveryView(
          n.id().toString(), n.requestId().toString(), n.requestType(), n.status(), n.attempts(), n.createdAt(),
          n.completedAt(), n.lastAttemptAt(), n.deliveredAt(), n.lastStatus(), n.lastFailure());
    }
  }

  @PostMapping
  @RequiresPermission(EDIT)
  ResponseEntity<RecipientView> create(Caller caller, @Valid @RequestBody CreateRecipient body) {
    RecipientService.Created created =
        service.create(caller, body.name(), body.url(), body.secret(), body.events(), body.active());
    return ResponseEntity.status(HttpStatus.CREATED).body(RecipientView.of(created.recipient(), created.secret()));
  }

  @GetMapping
  @RequiresPermission(VIEW)
  Listing<RecipientView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    List<RecipientView> entities =
        recipients.list(caller.orgId(), page).stream().map(r -> RecipientView.of(r, null)).toList();
    return Listing.of(entities, page, recipients.count(caller.orgId()), PATH);
  }

  @GetMapping("/{recipientId}")
  @RequiresPermission(VIEW)
  RecipientView get(Caller caller, @PathVariable String recipientId) {
    return RecipientView.of(existing(caller, recipientId), null);
  }

  @DeleteMapping("/{recipientId}")
  @RequiresPermission(EDIT)
  ResponseEntity<Void> delete(Caller caller, @PathVariable String recipientId) {
    if (!service.delete(caller, Ids.existingOrNotFound(recipientId, "recipient"))) {
      throw ApiException.notFound("recipient");
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{recipientId}/deliveries")
  @RequiresPermission(VIEW)
  Listing<DeliveryView> deliveries(
      Caller caller,
      @PathVariable String recipientId,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    UUID id = existing(caller, recipientId).id();
    List<DeliveryView> entities =
        notifications.listForRecipient(caller.orgId(), id, page).stream().map(DeliveryView::of).toList();
    return Listing.of(entities, page, notifications.countForRecipient(caller.orgId(), id), PATH + "/" + id + "/deliveries");
  }

  private StoredRecipient existing(Caller caller, String recipientId) {
    return recipients
        .find(caller.orgId(), Ids.existingOrNotFound(recipientId, "recipient"))
        .orElseThrow(() -> ApiException.notFound("recipient"));
  }
}

package io.datarights.holds.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.security.Caller;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.ApiException;
import io.datarights.shared.Ids;
import io.datarights.shared.Listing;
import io.datarights.shared.PageParams;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

/** {@code /api/v2/governance/legal-holds}: the calling org's legal holds; DELETE releases one. */
@RestController
@RequestMapping(HoldController.PATH)
class HoldController {

  static final String PATH = "/api/v2/governance/legal-holds";
  static final String VIEW = "governance:hold:view";
  static final String EDIT = "governance:hold:edit";

  private final HoldService service;
  private final HoldRepository holds;

  HoldController(HoldService service, HoldRepository holds) {
    this.service = service;
    this.holds = holds;
  }

  /** The subject as in a GDPR request: exactly one of the ids. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Subject(String externalContactId, String userId, DialerContactId dialerContactId, JourneyCustomer journeyCustomer) {

    record DialerContactId(String id, String contactListId) {}

    record JourneyCustomer(String type, String id) {}

    static Subject of(SubjectRef ref) {
      return switch (ref.type()) {
        case EXTERNAL_CONTACT -> new Subject(ref.id(), null, null, null);
        case USER -> new Subject(null, ref.id(), null, null);
        case DIALER_CONTACT -> new Subject(null, null, new DialerContactId(ref.id(), ref.scope()), null);
        case JOURNEY_CUSTOMER -> new Subject(null, null, null, new JourneyCustomer(ref.scope(), ref.id()));
      };
    }

    SubjectRef toRef() {
      List<SubjectRef> named = new ArrayList<>();
      if (externalContactId != null) {
        named.add(new SubjectRef(SubjectType.EXTERNAL_CONTACT, required("subject.externalContactId", externalContactId), null));
      }
      if (userId != null) {
        named.add(new SubjectRef(SubjectType.USER, required("subject.userId", userId), null));
      }
      if (dialerContactId != null) {
        named.add(SubjectRef.dialerContact(
            required("subject.dialerContactId.contactListId", dialerContactId.contactListId()),
            required("subject.dialerContactId.id", dialerContactId.id())));
      }
      if (journeyCustomer != null) {
        named.add(SubjectRef.journeyCustomer(
            required("subject.journeyCustomer.type", journeyCustomer.type()),
            required("subject.journeyCustomer.id", journeyCustomer.id())));
      }
      if (named.size() != 1) {
        throw ApiException.invalidValue(
            "subject", "subject must name exactly one of externalContactId, userId, dialerContactId, journeyCustomer.");
      }
      return named.get(0);
    }

    private static String required(String field, String value) {
      if (value == null || value.isBlank()) {
        throw ApiException.invalidValue(field, field + " is required.");
      }
      return value.strip();
    }
  }

  record CreateHold(Subject subject, String reason, String expires) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HoldView(
      String id, Subject subject, String reason, LocalDate expires, boolean active, String createdBy, Instant createdDate,
      String releasedBy, Instant releasedDate, String selfUri) {
    static HoldView of(StoredHold h, LocalDate today) {
      return new HoldView(
          h.id().toString(), Subject.of(h.subject()), h.reason(), h.expires(), h.activeOn(today), h.createdBy(), h.createdAt(),
          h.releasedBy(), h.releasedAt(), PATH + "/" + h.id());
    }
  }

  @PostMapping
  @RequiresPermission(EDIT)
  ResponseEntity<HoldView> place(Caller caller, @RequestBody CreateHold body) {
    if (body.subject() == null) {
      throw ApiException.invalidValue("subject", "subject is required.");
    }
    SubjectRef subject = body.subject().toRef();
    StoredHold hold = service.place(caller, subject, body.reason(), expires(body.expires()));
    return ResponseEntity.status(HttpStatus.CREATED).body(HoldView.of(hold, service.today()));
  }

  @GetMapping
  @RequiresPermission(VIEW)
  Listing<HoldView> list(
      Caller caller,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) Integer pageNumber) {
    PageParams page = PageParams.of(pageSize, pageNumber);
    LocalDate today = service.today();
    List<HoldView> entities = holds.list(caller.orgId(), page).stream().map(h -> HoldView.of(h, today)).toList();
    return Listing.of(entities, page, holds.count(caller.orgId()), PATH);
  }

  @GetMapping("/{holdId}")
  @RequiresPermission(VIEW)
  HoldView get(Caller caller, @PathVariable String holdId) {
    StoredHold hold =
        holds.find(caller.orgId(), Ids.existingOrNotFound(holdId, "legal hold")).orElseThrow(() -> ApiException.notFound("legal hold"));
    return HoldView.of(hold, service.today());
  }

  /** Releases the hold; the hold stays, showing who released it and when. */
  @DeleteMapping("/{holdId}")
  @RequiresPermission(EDIT)
  HoldView release(Caller caller, @PathVariable String holdId) {
    StoredHold hold =
        service.release(caller, Ids.existingOrNotFound(holdId, "legal hold")).orElseThrow(() -> ApiException.notFound("legal hold"));
    return HoldView.of(hold, service.today());
  }

  private static LocalDate expires(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalidValue("expires", "expires must be an ISO date, e.g. 2027-12-31.");
    }
  }
}

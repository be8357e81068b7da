package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.datarights.audit.Pseudonyms;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files requests: resolves the subject, refuses duplicates in flight, honours idempotency keys,
 * fans out over merge sets, and schedules the work in the same transaction as the request.
 */
@Service
class RequestService {

  private final RequestRepository requests;
  private final SubjectResolver resolver;
  private final PersonalDataServices services;
  private final SchedulerClient scheduler;
  private final ApplicationEventPublisher events;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  RequestService(
      RequestRepository requests,
      SubjectResolver resolver,
      PersonalDataServices services,
      SchedulerClient scheduler,
      ApplicationEventPublisher events,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.requests = requests;
    this.resolver = resolver;
    this.services = services;
    this.scheduler = scheduler;
    this.events = events;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  /** What the caller asked for, validated by the controller. */
  record NewRequest(
      RequestType type, GdprSubject subject, List<ReplacementTerm> replacementTerms, String name,
      String idempotencyKey, String bodyHash) {}

  @Transactional
  StoredRequest create(Caller caller, NewRequest command) {
    OrgId org = caller.orgId();
    if (command.idempotencyKey() != null) {
      Optional<StoredRequest> earlier = requests.findByIdempotencyKey(org, command.idempotencyKey());
      if (earlier.isPresent()) {
        return sameBodyOrConflict(earlier.get(), command);
      }
    }
    SubjectResolver.Resolved resolved = resolver.resolve(org, command.subject());
    StoredRequest primary = fileOne(caller, command, command.subject(), resolved, command.idempotencyKey());
    Optional<SubjectRef> ref = resolved.ref();
    if (ref.isPresent() && ref.get().type() == SubjectType.EXTERNAL_CONTACT) {
      fanOut(caller, command, primary, ref.get());
    }
    return primary;
  }

  /** One full, independent request per other member of the merge set, linked both ways. */
  private void fanOut(Caller caller, NewRequest command, StoredRequest primary, SubjectRef contact) {
    List<StoredRequest> set = new ArrayList<>();
    set.add(primary);
    for (SubjectRef member : services.relatedTo(caller.orgId(), contact)) {
      if (member.equals(contact)) {
        continue;
      }
      GdprSubject subject = GdprSubject.ofExternalContact(member.id());
      set.add(fileOne(caller, command, subject, resolver.resolve(caller.orgId(), subject), null));
    }
    for (int i = 0; i < set.size(); i++) {
      for (int j = i + 1; j < set.size(); j++) {
        requests.link(caller.orgId(), set.get(i).id(), set.get(j).id());
      }
    }
  }

  private StoredRequest fileOne(
      Caller caller, NewRequest command, GdprSubject subject, SubjectResolver.Resolved resolved, String idempotencyKey) {
    Instant now = clock.instant();
    StoredRequest request =
        new StoredRequest(
            caller.orgId(),
            UUID.randomUUID(),
            command.name(),
            command.type(),
            RequestStatus.INITIATED,
            subject,
            resolved.subjectKey(),
            resolved.terms(),
            command.replacementTerms(),
            caller.clientId(),
            caller.clientName(),
            now,
            now,
            null,
            dueDate(now),
            dueDate(now),
            null,
            null,
            null,
            null,
            null,
            idempotencyKey,
            idempotencyKey == null ? null : command.bodyHash());
    if (!requests.insertUnlessDuplicate(request)) {
      // An identical request is in flight (or the key was just used by a concurrent call).
      return requests
          .findInFlight(caller.orgId(), command.type(), resolved.subjectKey())
          .or(() -> idempotencyKey == null ? Optional.empty() : requests.findByIdempotencyKey(caller.orgId(), idempotencyKey))
          .orElseThrow(() -> ApiException.conflict("An identical request was filed at the same moment; retry."));
    }
    requests.insertServices(caller.orgId(), request.id(), services.names(), now);
    for (String service : services.names()) {
      RequestTasks.schedule(scheduler, RequestTasks.step(caller.orgId(), request.id(), service), clock);
    }
    if (services.names().isEmpty()) {
      RequestTasks.schedule(scheduler, RequestTasks.finalizeTask(caller.orgId(), request.id()), clock);
    }
    events.publishEvent(
        new AuditableEvent(
            caller.orgId(), "gdpr.request.created", caller.clientId(), "gdprRequest", request.id().toString(),
            Map.of("requestType", command.type().name(), "subject", pseudonyms.of(caller.orgId(), resolved.subjectKey()))));
    return request;
  }

  private static StoredRequest sameBodyOrConflict(StoredRequest earlier, NewRequest command) {
    if (command.bodyHash().equals(earlier.idempotencyHash())) {
      return earlier;
    }
    throw new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "idempotency.key.reused",
        "This Idempotency-Key was used with a different request body.",
        Map.of("field", "Idempotency-Key"),
        List.of(new io.datarights.shared.ErrorBody.Detail("idempotency.key.reused", "Idempotency-Key")),
        null);
  }

  /** Art. 12(3): one calendar month from receipt (31 January gives the last day of February). */
  static LocalDate dueDate(Instant receivedAt) {
    return LocalDate.ofInstant(receivedAt, ZoneOffset.UTC).plusMonths(1);
  }
}

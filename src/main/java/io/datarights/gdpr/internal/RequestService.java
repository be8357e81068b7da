package io.datarights.gdpr.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.datarights.audit.Pseudonyms;
import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.SubjectRef;
import io.datarights.privacy.SubjectType;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.AuditableEvents;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files requests: resolves the subject, refuses duplicates in flight, honours idempotency keys,
 * fans out over merge sets (up to a set size), and schedules the work in the same transaction.
 */
@Service
class RequestService {

  private final RequestRepository requests;
  private final SubjectResolver resolver;
  private final PersonalDataServices services;
  private final ProcessingProperties properties;
  private final SchedulerClient scheduler;
  private final ApplicationEventPublisher events;
  private final Pseudonyms pseudonyms;
  private final Clock clock;

  RequestService(
      RequestRepository requests,
      SubjectResolver resolver,
      PersonalDataServices services,
      ProcessingProperties properties,
      SchedulerClient scheduler,
      ApplicationEventPublisher events,
      Pseudonyms pseudonyms,
      Clock clock) {
    this.requests = requests;
    this.resolver = resolver;
    this.services = services;
    this.properties = properties;
    this.scheduler = scheduler;
    this.events = events;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
  }

  /** What the caller asked for, validated by the intake. */
  record NewRequest(
      RequestType type, GdprSubject subject, List<ReplacementTerm> replacementTerms, String name,
      String idempotencyKey, String bodyHash, boolean allowMultipleSubjects) {}

  /**
   * The request to answer with, and whether this call filed it; false when an earlier one is
   * answered (an idempotent replay, or an identical request in flight), which the caller may not
   * be allowed to see in full.
   */
  record Filed(StoredRequest request, boolean filedNow) {}

  /** One request to insert: its subject as given, and what that resolved to. */
  private record Planned(GdprSubject subject, SubjectResolver.Resolved resolved, String idempotencyKey) {}

  /** What filing takes: the subject resolved, and the other members of its merge set. */
  record Plan(SubjectResolver.Resolved resolved, List<SubjectRef> others) {

    /** Requests it files: one, or one per member of the merge set. */
    int requests() {
      return 1 + others.size();
    }
  }

  /** The request filed earlier with this idempotency key (and body), if any. */
  Optional<Filed> replay(Caller caller, NewRequest command) {
    if (command.idempotencyKey() == null) {
      return Optional.empty();
    }
    return requests.findByIdempotencyKey(caller.orgId(), command.idempotencyKey())
        .map(earlier -> new Filed(sameBodyOrConflict(earlier, command), false));
  }

  /**
   * Resolves the subject and its merge set, writing nothing: the intake counts and checks the plan
   * before {@link #file} (outside its transaction, so that no connection waits on another).
   */
  Plan plan(Caller caller, NewRequest command) {
    SubjectResolver.Resolved resolved = resolver.resolve(caller.orgId(), command.subject());
    return new Plan(resolved, otherMembers(caller.orgId(), resolved));
  }

  /**
   * Files the planned requests in one transaction, set-based.
   *
   * @param audit what the creation entries record besides the request type and subject pseudonym
   */
  @Transactional
  Filed file(Caller caller, NewRequest command, Plan plan, Map<String, String> audit) {
    OrgId org = caller.orgId();
    List<Planned> planned = new ArrayList<>();
    planned.add(new Planned(command.subject(), plan.resolved(), command.idempotencyKey()));
    for (SubjectResolver.Resolved member : resolver.resolveAll(org, plan.others())) {
      planned.add(new Planned(GdprSubject.ofExternalContact(member.ref().orElseThrow().id()), member, null));
    }
    List<Filed> set = fileAll(caller, command, planned, audit);
    if (set.size() > 1) {
      // Every member's request lists every other one, as the seed describes related requests.
      requests.linkAll(org, set.stream().map(f -> f.request().id()).toList());
    }
    return set.get(0);
  }

  /**
   * The other contacts of the subject's merge set, each to get a full, independent request. A set
   * larger than the setting allows is refused before anything is counted or filed: so large a
   * set likely joins different people, and it would file that many requests at once.
   */
  private List<SubjectRef> otherMembers(OrgId org, SubjectResolver.Resolved resolved) {
    Optional<SubjectRef> ref = resolved.ref();
    if (ref.isEmpty() || ref.get().type() != SubjectType.EXTERNAL_CONTACT) {
      return List.of();
    }
    List<SubjectRef> set = services.relatedTo(org, ref.get());
    if (set.size() > properties.maxMergeSetFanOut()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "request.conflict",
          "The contact is in a merge set of " + set.size() + " contacts, more than one request fans out over "
              + "(datarights.gdpr.max-merge-set-fan-out is " + properties.maxMergeSetFanOut() + "). Check the merge set: "
              + "so large a set likely joins different people. File requests for its contacts by their e-mail address or phone "
              + "number, or have the setting raised.",
          Map.of("contacts", Integer.toString(set.size()), "maxMergeSetFanOut", Integer.toString(properties.maxMergeSetFanOut())),
          List.of(),
          null);
    }
    return set.stream().filter(member -> !member.equals(ref.get())).toList();
  }

  /** Inserts the requests, their service rows and tasks set-based; duplicates in flight are answered instead. */
  private List<Filed> fileAll(Caller caller, NewRequest command, List<Planned> planned, Map<String, String> audit) {
    OrgId org = caller.orgId();
    Instant now = clock.instant();
    List<StoredRequest> batch = planned.stream().map(p -> newRequest(caller, command, p, now)).toList();
    Set<UUID> inserted = requests.insertUnlessDuplicate(batch);
    List<Filed> result = new ArrayList<>();
    List<UUID> filedNow = new ArrayList<>();
    for (StoredRequest request : batch) {
      if (inserted.contains(request.id())) {
        result.add(new Filed(request, true));
        filedNow.add(request.id());
      } else {
        result.add(new Filed(existing(org, request), false));
      }
    }
    if (filedNow.isEmpty()) {
      return result;
    }
    requests.insertServices(org, filedNow, services.names(), now);
    List<TaskInstance<?>> tasks = new ArrayList<>();
    for (UUID id : filedNow) {
      if (services.names().isEmpty()) {
        tasks.add(RequestTasks.finalizeTask(org, id));
      }
      for (String service : services.names()) {
        tasks.add(RequestTasks.step(org, id, service));
      }
    }
    RequestTasks.scheduleAll(scheduler, tasks, clock);
    List<AuditableEvent> created = new ArrayList<>();
    for (StoredRequest request : batch) {
      if (inserted.contains(request.id())) {
        Map<String, String> details = new LinkedHashMap<>(audit);
        details.put("requestType", command.type().name());
        details.put("subject", pseudonyms.of(org, request.subjectKey()));
        created.add(new AuditableEvent(org, "gdpr.request.created", caller.clientId(), "gdprRequest", request.id().toString(), details));
      }
    }
    events.publishEvent(new AuditableEvents(org, created));
    return result;
  }

  /** The request that kept one from being inserted: identical and in flight, or filed with its key. */
  private StoredRequest existing(OrgId org, StoredRequest request) {
    return requests
        .findInFlight(org, request.type(), request.subjectKey())
        .or(() -> request.idempotencyKey() == null ? Optional.empty() : requests.findByIdempotencyKey(org, request.idempotencyKey()))
        .orElseThrow(() -> ApiException.conflict("An identical request was filed at the same moment; retry."));
  }

  private StoredRequest newRequest(Caller caller, NewRequest command, Planned p, Instant now) {
    return new StoredRequest(
        caller.orgId(),
        UUID.randomUUID(),
        command.name(),
        command.type(),
        RequestStatus.INITIATED,
        p.subject(),
        p.resolved().subjectKey(),
        p.resolved().terms(),
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
        p.idempotencyKey(),
        p.idempotencyKey() == null ? null : command.bodyHash());
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

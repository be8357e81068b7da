package io.datarights.holds.internal;

import io.datarights.holds.Hold;
import io.datarights.holds.LegalHolds;
import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.SubjectRef;
import io.datarights.security.Caller;
import io.datarights.shared.ApiException;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places and releases holds, and answers which subjects are held now. */
@Service
class HoldService implements LegalHolds {

  static final int MAX_REASON_LENGTH = 2000;

  /** "Art. 17(3)(e)" at the start of a reason names the exemption; the audit trail keeps only that. */
  private static final Pattern EXEMPTION = Pattern.compile("^\\s*Art(?:icle|\\.)?\\s*17\\s*\\(3\\)\\s*\\(([a-e])\\)", Pattern.CASE_INSENSITIVE);

  private final HoldRepository holds;
  private final List<PersonalDataService> services;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  HoldService(HoldRepository holds, List<PersonalDataService> services, ApplicationEventPublisher events, Clock clock) {
    this.holds = holds;
    this.services = services;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  StoredHold place(Caller caller, SubjectRef named, String reason, LocalDate expires) {
    SubjectRef subject = canonical(named);
    String validReason = reason == null ? "" : reason.strip();
    if (validReason.isEmpty()) {
      throw ApiException.invalidValue("reason", "reason is required: the legal ground for keeping the data, e.g. \"Art. 17(3)(e): pending litigation\".");
    }
    if (validReason.length() > MAX_REASON_LENGTH) {
      throw ApiException.invalidValue("reason", "reason must be at most " + MAX_REASON_LENGTH + " characters.");
    }
    if (expires != null && expires.isBefore(today())) {
      throw ApiException.invalidValue("expires", "expires must be today or a later date.");
    }
    if (services.stream().noneMatch(s -> s.resolve(caller.orgId(), subject).isPresent())) {
      throw ApiException.invalidValue("subject", "subject names nothing in this organization.");
    }
    StoredHold hold =
        new StoredHold(caller.orgId(), UUID.randomUUID(), subject, validReason, expires, caller.clientId(), clock.instant(), null, null);
    holds.insert(hold);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("subjectType", subject.type().name());
    details.put("subjectId", subject.id());
    details.put("reasonCategory", category(validReason));
    if (expires != null) {
      details.put("expires", expires.toString());
    }
    events.publishEvent(new AuditableEvent(caller.orgId(), "legalHold.placed", caller.clientId(), "legalHold", hold.id().toString(), details));
    return hold;
  }

  /** Releases the hold; releasing a released hold changes nothing. Empty when there is no such hold. */
  @Transactional
  Optional<StoredHold> release(Caller caller, UUID id) {
    Optional<StoredHold> hold = holds.find(caller.orgId(), id);
    if (hold.isEmpty()) {
      return Optional.empty();
    }
    if (holds.release(caller.orgId(), id, caller.clientId(), clock.instant())) {
      events.publishEvent(
          new AuditableEvent(
              caller.orgId(), "legalHold.released", caller.clientId(), "legalHold", id.toString(),
              Map.of("subjectType", hold.get().subject().type().name(), "subjectId", hold.get().subject().id(),
                  "reasonCategory", category(hold.get().reason()))));
    }
    return holds.find(caller.orgId(), id);
  }

  @Override
  @Transactional(readOnly = true)
  public Map<SubjectRef, Hold> activeHolds(OrgId org) {
    Map<SubjectRef, Hold> active = new LinkedHashMap<>();
    for (StoredHold hold : holds.active(org, today())) {
      active.putIfAbsent(hold.subject(), new Hold(hold.id(), hold.reason()));
    }
    return active;
  }

  /**
   * The ref as the services build it (UUIDs in canonical form, the journey id type in lower case),
   * so that a hold equals the ref of the record it names.
   */
  private static SubjectRef canonical(SubjectRef ref) {
    String id = canonicalId(ref.id());
    String scope = switch (ref.type()) {
      case DIALER_CONTACT -> canonicalId(ref.scope());
      case JOURNEY_CUSTOMER -> ref.scope().toLowerCase(java.util.Locale.ROOT);
      default -> ref.scope();
    };
    return new SubjectRef(ref.type(), id, scope);
  }

  private static String canonicalId(String value) {
    return io.datarights.shared.Ids.parse(value).map(java.util.UUID::toString).orElse(value);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** The Art. 17(3) point a reason starts with ("17(3)(e)"), or "other": never the free text. */
  static String category(String reason) {
    Matcher m = EXEMPTION.matcher(reason);
    return m.find() ? "Art. 17(3)(" + m.group(1).toLowerCase(java.util.Locale.ROOT) + ")" : "other";
  }
}

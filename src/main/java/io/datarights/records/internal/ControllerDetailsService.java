package io.datarights.records.internal;

import io.datarights.records.ControllerDetails;
import io.datarights.records.Controllers;
import io.datarights.security.Caller;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org's controller details: one current version, each change in the audit trail. */
@Service
class ControllerDetailsService implements Controllers {

  static final String CHANGED = "governance.controller.updated";

  private final ControllerDetailsRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ControllerDetailsService(ControllerDetailsRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ControllerDetails> find(OrgId org) {
    return repository.find(org).map(StoredControllerDetails::details);
  }

  @Transactional(readOnly = true)
  Optional<StoredControllerDetails> stored(OrgId org) {
    return repository.find(org);
  }

  /** Stores the details with the audit entry in one transaction. The entry holds no names or e-mails. */
  @Transactional
  StoredControllerDetails save(Caller caller, ControllerDetails details) {
    var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    boolean created = repository.upsert(caller.orgId(), details, at, caller.clientId());
    events.publishEvent(
        new AuditableEvent(
            caller.orgId(), CHANGED, caller.clientId(), "controllerDetails", caller.orgId().toString(),
            Map.of("change", created ? "created" : "updated")));
    return new StoredControllerDetails(details, at, caller.clientId());
  }
}

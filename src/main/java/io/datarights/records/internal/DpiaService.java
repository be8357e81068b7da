package io.datarights.records.internal;

import io.datarights.privacy.InventoryEntry;
import io.datarights.security.Caller;
import io.datarights.shared.AuditableEvent;
import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** DPIA versions: each submission is kept as a new version, numbered per org, never changed. */
@Service
class DpiaService {

  static final String CREATED = "governance.dpia.created";

  private final DpiaRepository versions;
  private final Inventory inventory;
  private final ControllerDetailsService controllers;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DpiaService(
      DpiaRepository versions, Inventory inventory, ControllerDetailsService controllers, ApplicationEventPublisher events,
      Clock clock) {
    this.versions = versions;
    this.inventory = inventory;
    this.controllers = controllers;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the answers as the org's next version, with the processing, baseline risks and product
   * measures as they are now, and the audit entry, in one transaction.
   */
  @Transactional
  StoredDpia create(Caller caller, DpiaAnswers answers) {
    OrgId org = caller.orgId();
    int version = versions.lockNextVersion(org);
    List<InventoryEntry> processing = inventory.entries();
    StoredDpia dpia =
        new StoredDpia(
            version,
            answers,
            processing,
            BaselineRisks.of(processing),
            new StoredDpia.ProductMeasuresSnapshot(ProductMeasures.ALL, ProductMeasures.LEFT_TO_THE_DEPLOYMENT),
            controllers.find(org).orElse(null),
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            caller.clientId());
    versions.insert(org, dpia);
    events.publishEvent(
        new AuditableEvent(
            org, CREATED, caller.clientId(), "dpia", Integer.toString(version),
            Map.of(
                "version", Integer.toString(version),
                "risks", Integer.toString(answers.risks().size()),
                "consultedDpo", Boolean.toString(answers.consultedDpo()))));
    return dpia;
  }

  @Transactional(readOnly = true)
  Optional<StoredDpia> latest(OrgId org) {
    return versions.latest(org);
  }

  @Transactional(readOnly = true)
  Optional<StoredDpia> version(OrgId org, int version) {
    return versions.find(org, version);
  }

  @Transactional(readOnly = true)
  List<StoredDpia> page(OrgId org, PageParams page) {
    return versions.page(org, page);
  }

  @Transactional(readOnly = true)
  long count(OrgId org) {
    return versions.count(org);
  }
}

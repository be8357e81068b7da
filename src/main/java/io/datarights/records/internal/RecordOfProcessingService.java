package io.datarights.records.internal;

import io.datarights.organizations.Organizations;
import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import io.datarights.shared.OrgId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Generates the record of processing from the inventory and the org's controller details. */
@Service
class RecordOfProcessingService {

  private final Inventory inventory;
  private final ControllerDetailsService controllers;
  private final Organizations organizations;
  private final Clock clock;

  RecordOfProcessingService(
      Inventory inventory, ControllerDetailsService controllers, Organizations organizations, Clock clock) {
    this.inventory = inventory;
    this.controllers = controllers;
    this.organizations = organizations;
    this.clock = clock;
  }

  RecordOfProcessing generate(OrgId org) {
    ControllerDetails controller = controllers.find(org).orElse(null);
    List<InventoryEntry> entries = inventory.entries();
    List<String> gaps = new ArrayList<>();
    if (controller == null) {
      gaps.add("The controller details are not set (PUT /api/v2/governance/controller).");
    }
    entries.forEach(e -> gaps.addAll(gapsOf(e)));
    List<RecordOfProcessing.Activity> activities = entries.stream().map(e -> activity(e, controller)).toList();
    return new RecordOfProcessing(
        organizationOf(org),
        controller,
        clock.instant().truncatedTo(ChronoUnit.SECONDS),
        gaps.isEmpty(),
        gaps,
        activities,
        ProductMeasures.ALL,
        ProductMeasures.LEFT_TO_THE_DEPLOYMENT,
        RecordOfProcessing.PATH);
  }

  OrganizationRef organizationOf(OrgId org) {
    return new OrganizationRef(org.toString(), organizations.find(org).map(o -> o.name()).orElse(null));
  }

  private static RecordOfProcessing.Activity activity(InventoryEntry e, ControllerDetails c) {
    return new RecordOfProcessing.Activity(
        e.service(),
        e.description(),
        c == null ? null : new ContactPoint(c.controllerName(), c.contactEmail(), c.address()),
        c == null ? null : new ContactPoint(c.dpoName(), c.dpoEmail(), null),
        c == null ? null : c.representative(),
        e.purposes(),
        e.legalBasis(),
        e.dataSubjectCategories(),
        Processing.personalDataCategories(e),
        e.fields(),
        e.recipients(),
        Processing.thirdCountryTransfers(e),
        Processing.erasureTimeLimits(e),
        e.erasureMode(),
        e.source(),
        ProductMeasures.ALL);
  }

  /** What Art. 30(1) needs of a service that holds personal data and its inventory does not say. */
  private static List<String> gapsOf(InventoryEntry e) {
    boolean holdsPersonalData = !e.fields().isEmpty() || e.erasureMode() != ErasureMode.NONE;
    if (!holdsPersonalData) {
      return List.of();
    }
    List<String> gaps = new ArrayList<>();
    if (e.purposes().isEmpty()) {
      gaps.add(e.service() + ": the inventory states no purposes.");
    }
    if (blank(e.legalBasis())) {
      gaps.add(e.service() + ": the inventory states no legal basis.");
    }
    if (e.dataSubjectCategories().isEmpty()) {
      gaps.add(e.service() + ": the inventory states no categories of data subjects.");
    }
    if (blank(e.retention())) {
      gaps.add(e.service() + ": the inventory states no time limit for erasure.");
    }
    return gaps;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank() || value.strip().equalsIgnoreCase("none");
  }
}

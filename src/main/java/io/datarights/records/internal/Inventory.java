package io.datarights.records.internal;

import io.datarights.privacy.InventoryEntry;
import io.datarights.privacy.PersonalDataService;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The inventory of every personal-data service present, asked at each call: services are Spring
 * beans found at runtime, and no document here depends on a particular one.
 */
@Component
class Inventory {

  private final ObjectProvider<PersonalDataService> services;

  Inventory(ObjectProvider<PersonalDataService> services) {
    this.services = services;
  }

  /** One entry per service, by service name, each named as the service names itself. */
  List<InventoryEntry> entries() {
    return services.stream()
        .sorted(Comparator.comparing(PersonalDataService::name))
        .map(Inventory::entryOf)
        .toList();
  }

  private static InventoryEntry entryOf(PersonalDataService service) {
    InventoryEntry e = service.inventory();
    if (service.name().equals(e.service())) {
      return e;
    }
    return new InventoryEntry(
        service.name(), e.description(), e.fields(), e.dataSubjectCategories(), e.purposes(), e.legalBasis(),
        e.recipients(), e.retention(), e.source(), e.erasureMode());
  }
}

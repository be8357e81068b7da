package io.datarights.bulkerasure.internal;

import io.datarights.privacy.PersonalDataService;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The platform's personal-data services, found as Spring beans, in a stable order. */
@Component
class DataServices {

  private final List<PersonalDataService> services;

  DataServices(ObjectProvider<PersonalDataService> services) {
    this.services = services.stream().sorted(Comparator.comparing(PersonalDataService::name)).toList();
  }

  List<PersonalDataService> all() {
    return services;
  }

  List<String> names() {
    return services.stream().map(PersonalDataService::name).toList();
  }

  Optional<PersonalDataService> named(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}

package io.datarights.gdpr.internal;

import io.datarights.privacy.PersonalDataService;
import io.datarights.privacy.RelatedSubjects;
import io.datarights.privacy.SubjectRef;
import io.datarights.shared.OrgId;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every personal-data service of the platform, found as Spring beans, in a stable order. */
@Component
public class PersonalDataServices {

  private final List<PersonalDataService> services;
  private final List<RelatedSubjects> related;

  PersonalDataServices(ObjectProvider<PersonalDataService> services, ObjectProvider<RelatedSubjects> related) {
    this.services = services.stream().sorted(Comparator.comparing(PersonalDataService::name)).toList();
    this.related = related.stream().toList();
  }

  public List<PersonalDataService> all() {
    return services;
  }

  public List<String> names() {
    return services.stream().map(PersonalDataService::name).toList();
  }

  public Optional<PersonalDataService> named(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The subject and everyone who is the same person with it (merge sets), the subject first. */
  public List<SubjectRef> relatedTo(OrgId org, SubjectRef ref) {
    Set<SubjectRef> all = new LinkedHashSet<>();
    all.add(ref);
    for (RelatedSubjects source : related) {
      all.addAll(source.relatedTo(org, ref));
    }
    return List.copyOf(all);
  }
}

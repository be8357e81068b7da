package io.datarights.organizations;

import io.datarights.shared.OrgId;
import java.util.List;
import java.util.Optional;

/** Read access to tenants for other features. */
public interface Organizations {

  Optional<Organization> find(OrgId id);

  /** The ids of every org, for platform-wide jobs (the scheduled PII scan). */
  List<OrgId> allIds();

  Optional<Organization> findByName(String name);

  /** The org of that name, created (without clients) if it does not exist. */
  Organization ensure(String name, String defaultRegion);
}

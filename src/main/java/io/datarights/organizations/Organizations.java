package io.datarights.organizations;

import io.datarights.shared.OrgId;
import java.util.Optional;

/** Read access to tenants for other features. */
public interface Organizations {

  Optional<Organization> find(OrgId id);

  Optional<Organization> findByName(String name);

  /** The org of that name, created (without clients) if it does not exist. */
  Organization ensure(String name, String defaultRegion);
}

package io.datarights;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesTest {

  @Test
  void featuresUseEachOthersPublicTypesOnlyAndFormNoCycles() {
    ApplicationModules.of(DatarightsApplication.class).verify();
  }
}

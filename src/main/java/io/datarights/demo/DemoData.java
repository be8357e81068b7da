package io.datarights.demo;

import io.datarights.shared.OrgId;
import java.util.function.Consumer;

/** The deterministic generator of fake people across every service. */
public interface DemoData {

  /** Fills the org; the same seed and scale give the same data. Progress lines go to {@code progress}. */
  void generate(OrgId org, long seed, DemoScale scale, Consumer<String> progress);

  /** The e-mail address of a generated person who is in several services under variants. */
  String exampleEmail(long seed);
}

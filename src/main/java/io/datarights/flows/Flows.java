package io.datarights.flows;

import io.datarights.shared.OrgId;
import java.util.Optional;
import java.util.function.Consumer;

/** Read access to the texts of the org's flows, for the PII scanner. */
public interface Flows {

  /** Every flow of the org, in batches; nothing is held in memory whole. */
  void forEach(OrgId org, Consumer<FlowText> consumer);

  /** One flow, or empty if the id names none in this org. */
  Optional<FlowText> find(OrgId org, String flowId);
}

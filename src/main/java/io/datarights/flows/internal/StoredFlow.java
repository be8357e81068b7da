package io.datarights.flows.internal;

import io.datarights.flows.FlowText;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code flows}. */
record StoredFlow(
    OrgId orgId,
    UUID id,
    String name,
    String description,
    List<String> promptTexts,
    int version,
    Instant createdAt,
    Instant updatedAt) {

  StoredFlow {
    promptTexts = List.copyOf(promptTexts);
  }

  FlowText text() {
    return new FlowText(id.toString(), name, description, promptTexts);
  }
}

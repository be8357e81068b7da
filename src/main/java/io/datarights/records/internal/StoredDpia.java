package io.datarights.records.internal;

import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import java.time.Instant;
import java.util.List;

/** One DPIA version as stored: the org's answers and what was generated when it was made. */
record StoredDpia(
    int version,
    DpiaAnswers answers,
    List<InventoryEntry> processing,
    List<RiskView> baselineRisks,
    ProductMeasuresSnapshot productMeasures,
    ControllerDetails controller,
    Instant createdAt,
    String createdBy) {

  record ProductMeasuresSnapshot(List<Measure> measures, List<String> leftToTheDeployment) {}
}

package io.datarights.records.internal;

import java.util.List;

/** What the org answered for one DPIA version. */
record DpiaAnswers(String necessity, String proportionality, List<Risk> risks, boolean consultedDpo, String notes) {

  record Risk(String description, Level likelihood, Level severity, String measures) {}
}

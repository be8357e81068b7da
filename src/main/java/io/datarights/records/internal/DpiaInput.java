package io.datarights.records.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The org's answers of {@code PUT /api/v2/governance/dpia}; each submission is a new version. */
record DpiaInput(
    @NotBlank @Size(max = 20000) String necessity,
    @NotBlank @Size(max = 20000) String proportionality,
    @NotNull @Size(max = 100) List<@NotNull @Valid RiskInput> risks,
    @NotNull Boolean consultedDpo,
    @Size(max = 20000) String notes) {

  /** A risk as the org assesses it, with the measures it takes or envisages against it. */
  record RiskInput(
      @NotBlank @Size(max = 5000) String description,
      @NotNull Level likelihood,
      @NotNull Level severity,
      @Size(max = 5000) String measures) {}

  DpiaAnswers cleaned() {
    return new DpiaAnswers(
        necessity.strip(),
        proportionality.strip(),
        risks.stream()
            .map(r -> new DpiaAnswers.Risk(r.description().strip(), r.likelihood(), r.severity(), optional(r.measures())))
            .toList(),
        consultedDpo,
        optional(notes));
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

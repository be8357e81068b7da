package io.datarights.records.internal;

/** Likelihood or severity of a risk, and the level they amount to together. */
enum Level {
  LOW,
  MEDIUM,
  HIGH;

  /**
   * The level of a risk from a 3x3 matrix of likelihood and severity: the product of their ranks
   * (1-3) is low up to 2, medium up to 4 (medium x medium, low x high), high from 6.
   */
  static Level of(Level likelihood, Level severity) {
    int score = (likelihood.ordinal() + 1) * (severity.ordinal() + 1);
    return score <= 2 ? LOW : score <= 4 ? MEDIUM : HIGH;
  }
}

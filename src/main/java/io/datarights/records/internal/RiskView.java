package io.datarights.records.internal;

import java.util.List;

/**
 * A risk to the rights and freedoms of data subjects (Art. 35(7)(c)): either assessed by the org
 * ({@code source = organization}) or generated for a category of data the services hold ({@code
 * source = baseline}, with the category, where it is held, and the product measures that address it).
 */
record RiskView(
    String source,
    String category,
    List<String> heldIn,
    String description,
    Level likelihood,
    Level severity,
    Level level,
    String measures,
    List<String> productMeasures) {

  static final String ORGANIZATION = "organization";
  static final String BASELINE = "baseline";

  static RiskView of(DpiaAnswers.Risk r) {
    return new RiskView(
        ORGANIZATION, null, null, r.description(), r.likelihood(), r.severity(), Level.of(r.likelihood(), r.severity()),
        r.measures(), null);
  }
}

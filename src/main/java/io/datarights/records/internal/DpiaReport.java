package io.datarights.records.internal;

import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A data protection impact assessment as Art. 35(7) lays it out: (a) the systematic description of
 * the processing, (b) necessity and proportionality, (c) the risks to the rights and freedoms of
 * data subjects, (d) the measures envisaged to address them; plus whether the DPO was consulted
 * (Art. 35(2)).
 */
record DpiaReport(
    int version,
    Instant createdDate,
    String createdBy,
    OrganizationRef organization,
    ControllerDetails controller,
    SystematicDescription systematicDescription,
    NecessityAndProportionality necessityAndProportionality,
    List<RiskView> risks,
    Measures measures,
    boolean consultedDpo,
    String notes,
    String selfUri) {

  static final String PATH = "/api/v2/governance/dpia";

  record SystematicDescription(String summary, List<ProcessingOperation> processingOperations) {}

  record ProcessingOperation(
      String service,
      String description,
      List<String> purposes,
      String legalBasis,
      List<String> dataSubjectCategories,
      List<String> personalDataCategories,
      List<InventoryEntry.Field> fields,
      List<String> recipients,
      String thirdCountryTransfers,
      String retention,
      String source,
      ErasureMode erasureMode) {}

  record NecessityAndProportionality(String necessity, String proportionality) {}

  /** The org's measures against its risks, and the measures the product takes for all processing. */
  record Measures(List<RiskMeasures> organization, List<Measure> product, List<String> leftToTheDeployment) {}

  record RiskMeasures(String risk, String measures) {}

  static String versionUri(int version) {
    return PATH + "/versions/" + version;
  }

  static DpiaReport of(StoredDpia d, OrganizationRef organization) {
    List<ProcessingOperation> operations =
        d.processing().stream()
            .map(e -> new ProcessingOperation(
                e.service(), e.description(), e.purposes(), e.legalBasis(), e.dataSubjectCategories(),
                Processing.personalDataCategories(e), e.fields(), e.recipients(), Processing.thirdCountryTransfers(e),
                e.retention(), e.source(), e.erasureMode()))
            .toList();
    List<RiskView> risks = new ArrayList<>();
    d.answers().risks().forEach(r -> risks.add(RiskView.of(r)));
    risks.addAll(d.baselineRisks());
    List<RiskMeasures> orgMeasures =
        d.answers().risks().stream()
            .map(r -> new RiskMeasures(r.description(), r.measures() == null ? "none stated" : r.measures()))
            .toList();
    return new DpiaReport(
        d.version(),
        d.createdAt(),
        d.createdBy(),
        organization,
        d.controller(),
        new SystematicDescription(summary(d.processing()), operations),
        new NecessityAndProportionality(d.answers().necessity(), d.answers().proportionality()),
        risks,
        new Measures(orgMeasures, d.productMeasures().measures(), d.productMeasures().leftToTheDeployment()),
        d.answers().consultedDpo(),
        d.answers().notes(),
        versionUri(d.version()));
  }

  private static String summary(List<InventoryEntry> processing) {
    List<String> holding =
        processing.stream().filter(e -> !e.fields().isEmpty() || e.erasureMode() != ErasureMode.NONE).map(InventoryEntry::service).toList();
    return "The organization's personal data is held in " + holding.size() + (holding.size() == 1 ? " service" : " services")
        + " of Datarights ("
        + String.join(", ", holding) + "), each described below with its purposes, legal basis, categories of data"
        + " subjects and of personal data, recipients, retention and source, as the service's inventory stated them"
        + " when this version was made. Datarights also answers data subjects' requests to access, rectify and erase"
        + " these data (Art. 15 to 17 and 20).";
  }
}

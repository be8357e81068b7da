package io.datarights.records.internal;

import io.datarights.privacy.ErasureMode;
import io.datarights.privacy.InventoryEntry;
import io.datarights.records.ControllerDetails;
import java.time.Instant;
import java.util.List;

/**
 * The Art. 30(1) record of processing activities: one activity per personal-data service.
 * {@code gaps} names what the record still lacks (the controller details, a service's purposes...);
 * a record with gaps is not yet complete.
 */
record RecordOfProcessing(
    OrganizationRef organization,
    ControllerDetails controller,
    Instant generatedDate,
    boolean complete,
    List<String> gaps,
    List<Activity> processingActivities,
    List<Measure> technicalAndOrganisationalMeasures,
    List<String> leftToTheDeployment,
    String selfUri) {

  static final String PATH = "/api/v2/governance/records-of-processing";

  /** One processing activity, with every item of Art. 30(1)(a)-(g). */
  record Activity(
      String service,
      String description,
      ContactPoint controller,
      ContactPoint dataProtectionOfficer,
      String representative,
      List<String> purposes,
      String legalBasis,
      List<String> dataSubjectCategories,
      List<String> personalDataCategories,
      List<InventoryEntry.Field> fields,
      List<String> recipientCategories,
      String thirdCountryTransfers,
      String erasureTimeLimits,
      ErasureMode erasureMode,
      String source,
      List<Measure> technicalAndOrganisationalMeasures) {}
}

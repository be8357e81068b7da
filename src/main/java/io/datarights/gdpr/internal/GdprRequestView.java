package io.datarights.gdpr.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.datarights.privacy.ReplacementTerm;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The Genesys {@code GDPRRequest}, plus extensions that Genesys clients ignore: per-service
 * progress, related requests, the Art. 12(3) due date, the post-erasure verification (with what it
 * still found, per service and in all, and how many export packages of the subject the erasure
 * deleted), and why a request ended in ERROR.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GdprRequestView(
    String id,
    String name,
    EntityRef createdBy,
    List<ReplacementTerm> replacementTerms,
    String requestType,
    @JsonFormat(pattern = GENESYS_TIME, timezone = "UTC") Instant createdDate,
    String status,
    SubjectView subject,
    String resultsUrl,
    List<String> resultsUrls,
    String selfUri,
    List<ServiceView> services,
    List<EntityRef> relatedRequests,
    LocalDate dueDate,
    LocalDate originalDueDate,
    String extensionReason,
    @JsonFormat(pattern = GENESYS_TIME, timezone = "UTC") Instant completedDate,
    Boolean verifiedErased,
    String errorReason,
    Long stillFound,
    Integer packagesDeleted) {

  /**
   * Genesys times carry exactly milliseconds: its SDKs parse the fraction as milliseconds, so six
   * or nine digits would move the time by minutes or days.
   */
  static final String GENESYS_TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  record EntityRef(String id, String name, String selfUri) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ServiceView(
      String name, String status, long matched, long exported, long updated, long deleted, long anonymized,
      long retained, String reason, Long stillFound) {}
}

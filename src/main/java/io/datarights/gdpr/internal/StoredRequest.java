package io.datarights.gdpr.internal;

import io.datarights.privacy.ReplacementTerm;
import io.datarights.privacy.SubjectTerms;
import io.datarights.shared.OrgId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A GDPR request as stored. */
record StoredRequest(
    OrgId orgId,
    UUID id,
    String name,
    RequestType type,
    RequestStatus status,
    GdprSubject subject,
    String subjectKey,
    SubjectTerms terms,
    List<ReplacementTerm> replacementTerms,
    String createdByClient,
    String createdByName,
    Instant createdAt,
    Instant updatedAt,
    Instant completedAt,
    LocalDate dueDate,
    LocalDate originalDueDate,
    String extensionReason,
    String errorReason,
    String resultsBlob,
    Instant resultsExpireAt,
    Boolean verifiedErased,
    String idempotencyKey,
    String idempotencyHash) {}

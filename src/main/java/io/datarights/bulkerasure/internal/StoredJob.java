package io.datarights.bulkerasure.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.UUID;

/** A bulk erasure as stored: ids, counts and state only; its subjects live in the chunks. */
record StoredJob(
    OrgId org,
    UUID id,
    JobStatus status,
    int subjects,
    int chunks,
    String createdByClient,
    String createdByName,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    Boolean verifiedErased,
    Long stillFound,
    String errorReason) {}

package io.datarights.recipients.internal;

import io.datarights.shared.OrgId;
import java.time.Instant;
import java.util.UUID;

/** A row of the outbox {@code recipient_notifications}: one request's notification to one recipient. */
record StoredNotification(
    OrgId org,
    UUID id,
    UUID recipientId,
    UUID requestId,
    String requestType,
    Instant completedAt,
    NotificationStatus status,
    int attempts,
    Instant createdAt,
    Instant lastAttemptAt,
    Instant deliveredAt,
    Integer lastStatus,
    DeliveryFailure lastFailure) {}

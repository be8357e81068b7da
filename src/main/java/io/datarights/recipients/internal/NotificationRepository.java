package io.datarights.recipients.internal;

import io.datarights.shared.OrgId;
import io.datarights.shared.PageParams;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox {@code recipient_notifications}. Status changes apply only to PENDING rows. */
@Repository
class NotificationRepository {

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One notification for every active recipient of the org subscribed to the request's type; a
   * recipient already notified of that request is skipped (unique key), so a second call adds
   * nothing. Returns the ids of the notifications it added.
   */
  List<UUID> addForCompletedRequest(OrgId org, UUID requestId, RecipientEvent type, Instant completedAt, Instant now) {
    return jdbc.sql(
            """
            insert into recipient_notifications
              (org_id, notification_id, recipient_id, request_id, request_type, completed_at, status, attempts, created_at)
            select r.org_id, gen_random_uuid(), r.recipient_id, :request, :type, :completed, 'PENDING', 0, :now
            from recipients r
            where r.org_id = :org and r.active and r.deleted_at is null and :type = any (r.events)
            on conflict (org_id, request_id, recipient_id) do nothing
            returning notification_id
            """)
        .param("org", org.value())
        .param("request", requestId)
        .param("type", type.name())
        .param("completed", Timestamp.from(completedAt))
        .param("now", Timestamp.from(now))
        .query(UUID.class)
        .list();
  }

  Optional<StoredNotification> find(OrgId org, UUID id) {
    return jdbc.sql("select * from recipient_notifications where org_id = :org and notification_id = :id")
        .param("org", org.value())
        .param("id", id)
        .query(NotificationRepository::map)
        .optional();
  }

  List<StoredNotification> listForRecipient(OrgId org, UUID recipientId, PageParams page) {
    return jdbc.sql(
            """
            select * from recipient_notifications where org_id = :org and recipient_id = :recipient
            order by created_at desc, notification_id limit :limit offset :offset
            """)
        .param("org", org.value())
        .param("recipient", recipientId)
        .param("limit", page.pageSize())
        .param("offset", page.offset())
        .query(NotificationRepository::map)
        .list();
  }

  long countForRecipient(OrgId org, UUID recipientId) {
    return jdbc.sql("select count(*) from recipient_notifications where org_id = :org and recipient_id = :recipient")
        .param("org", org.value())
        .param("recipient", recipientId)
        .query(Long.class)
        .single();
  }

  /** The attempt that succeeded; empty if the notification was no longer pending. */
  Optional<StoredNotification> recordDelivered(OrgId org, UUID id, int httpStatus, Instant now) {
    return jdbc.sql(
            """
            update recipient_notifications
            set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :now, delivered_at = :now,
                last_status = :httpStatus, last_failure = null
            where org_id = :org and notification_id = :id and status = 'PENDING'
            returning *
            """)
        .param("org", org.value())
        .param("id", id)
        .param("httpStatus", httpStatus)
        .param("now", Timestamp.from(now))
        .query(NotificationRepository::map)
        .optional();
  }

  /**
   * An attempt that did not get a 2xx; {@code httpStatus} is null when no answer came at all.
   * Returns the attempts made so far (0 if the notification was no longer pending).
   */
  int recordFailedAttempt(OrgId org, UUID id, Integer httpStatus, DeliveryFailure failure, Instant now) {
    return jdbc.sql(
            """
            update recipient_notifications
            set attempts = attempts + 1, last_attempt_at = :now, last_status = :httpStatus, last_failure = :failure
            where org_id = :org and notification_id = :id and status = 'PENDING'
            returning attempts
            """)
        .param("org", org.value())
        .param("id", id)
        .param("httpStatus", httpStatus)
        .param("failure", failure.name())
        .param("now", Timestamp.from(now))
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /** Gives up on a notification; empty if it was no longer pending. */
  Optional<StoredNotification> markFailed(OrgId org, UUID id) {
    return jdbc.sql(
            """
            update recipient_notifications set status = 'FAILED'
            where org_id = :org and notification_id = :id and status = 'PENDING'
            returning *
            """)
        .param("org", org.value())
        .param("id", id)
        .query(NotificationRepository::map)
        .optional();
  }

  /** Drops what a deleted recipient was still to receive. */
  int cancelPending(OrgId org, UUID recipientId) {
    return jdbc.sql(
            """
            update recipient_notifications set status = 'CANCELLED'
            where org_id = :org and recipient_id = :recipient and status = 'PENDING'
            """)
        .param("org", org.value())
        .param("recipient", recipientId)
        .update();
  }

  private static StoredNotification map(ResultSet rs, int row) throws SQLException {
    return new StoredNotification(
        new OrgId(rs.getObject("org_id", UUID.class)),
        rs.getObject("notification_id", UUID.class),
        rs.getObject("recipient_id", UUID.class),
        rs.getObject("request_id", UUID.class),
        rs.getString("request_type"),
        instant(rs, "completed_at"),
        NotificationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        instant(rs, "created_at"),
        instant(rs, "last_attempt_at"),
        instant(rs, "delivered_at"),
        rs.getObject("last_status", Integer.class),
        failure(rs.getString("last_failure")));
  }

  private static DeliveryFailure failure(String value) {
    return value == null ? null : DeliveryFailure.valueOf(value);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}

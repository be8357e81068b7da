package io.datarights.recipients.internal;

/** Where a notification stands: waiting (or between retries), delivered, given up, or dropped with its recipient. */
enum NotificationStatus {
  PENDING,
  DELIVERED,
  FAILED,
  CANCELLED
}

package io.datarights.gdpr.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** One request as a line of a console table: what, about whom, where it stands, and by when. */
record RequestRow(
    String id, String name, String type, String typeLabel, String status, String subject, String filed,
    LocalDate dueDate, boolean overdue, long daysLeft, String completed) {

  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  static RequestRow of(StoredRequest r, LocalDate today) {
    boolean open = !r.status().finished();
    return new RequestRow(
        r.id().toString(),
        r.name(),
        r.type().name(),
        typeLabel(r.type()),
        r.status().name(),
        describe(r.subject()),
        time(r.createdAt()),
        r.dueDate(),
        open && r.dueDate().isBefore(today),
        ChronoUnit.DAYS.between(today, r.dueDate()),
        time(r.completedAt()));
  }

  static String time(Instant instant) {
    return instant == null ? null : MINUTES.format(instant);
  }

  static String typeLabel(RequestType type) {
    return switch (type) {
      case GDPR_EXPORT -> "Export (Art. 15)";
      case GDPR_UPDATE -> "Rectify (Art. 16)";
      case GDPR_DELETE -> "Erase (Art. 17)";
    };
  }

  static String typeClass(RequestType type) {
    return switch (type) {
      case GDPR_EXPORT -> "export";
      case GDPR_UPDATE -> "update";
      case GDPR_DELETE -> "delete";
    };
  }

  /** The subject's one search term, as the request names it. */
  static String describe(GdprSubject s) {
    if (s == null) {
      return "";
    }
    if (s.userId() != null) {
      return "User " + s.userId();
    }
    if (s.externalContactId() != null) {
      return "External contact " + s.externalContactId();
    }
    if (s.dialerContactId() != null) {
      return "Dialer contact " + s.dialerContactId().id();
    }
    if (s.journeyCustomer() != null) {
      return "Journey customer " + s.journeyCustomer().type() + " " + s.journeyCustomer().id();
    }
    if (s.socialHandle() != null) {
      return s.socialHandle().type() + " " + s.socialHandle().value();
    }
    if (s.externalId() != null) {
      return "External id " + s.externalId();
    }
    if (s.emailAddresses() != null && !s.emailAddresses().isEmpty()) {
      return s.emailAddresses().get(0);
    }
    if (s.phoneNumbers() != null && !s.phoneNumbers().isEmpty()) {
      return s.phoneNumbers().get(0);
    }
    if (s.addresses() != null && !s.addresses().isEmpty()) {
      return s.addresses().get(0);
    }
    return s.name() == null ? "" : s.name();
  }
}

package io.datarights.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Times a request body may carry: Java reads years up to ±999,999,999, PostgreSQL's timestamp
 * columns end in the year 294,276, and ISO 8601 without agreement has four-digit years. A time
 * outside 0001–9999 is refused while the body is read, so that it cannot fail in the database.
 */
final class StorableTime {

  static final int FIRST_YEAR = 1;
  static final int LAST_YEAR = 9999;
  static final Set<Class<?>> TYPES =
      Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class, LocalDateTime.class, LocalDate.class);

  private StorableTime() {}

  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  static boolean isStorable(Object time) {
    if (time instanceof Instant instant) {
      return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }
    if (time instanceof OffsetDateTime offset) {
      return isStorable(offset.toInstant());
    }
    if (time instanceof ZonedDateTime zoned) {
      return isStorable(zoned.toInstant());
    }
    int year = time instanceof LocalDateTime local ? local.getYear() : time instanceof LocalDate date ? date.getYear() : FIRST_YEAR;
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }
}

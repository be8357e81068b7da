package io.datarights.gdpr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DueDateTest {

  /** Every day of a leap year and of a common year: one calendar month, clamped to the month's end. */
  @Test
  void isOneCalendarMonthAfterEveryDayOfALeapAndACommonYear() {
    for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2026, 1, 1)); day = day.plusDays(1)) {
      LocalDate due = RequestService.dueDate(day.atTime(13, 0).toInstant(ZoneOffset.UTC));
      YearMonth next = YearMonth.from(day).plusMonths(1);

      assertThat(YearMonth.from(due)).as("month after %s", day).isEqualTo(next);
      assertThat(due.getDayOfMonth()).as("day of %s", day).isEqualTo(Math.min(day.getDayOfMonth(), next.lengthOfMonth()));
    }
  }

  @Test
  void theLastDayOfJanuaryIsDueOnTheLastDayOfFebruary() {
    assertThat(RequestService.dueDate(Instant.parse("2024-01-31T10:00:00Z"))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(RequestService.dueDate(Instant.parse("2025-01-31T10:00:00Z"))).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(RequestService.dueDate(Instant.parse("2025-12-31T23:59:59Z"))).isEqualTo(LocalDate.of(2026, 1, 31));
  }

  @Property
  void isAlwaysBetweenTwentyEightAndThirtyOneDaysAfterReceipt(
      @ForAll @LongRange(min = 0, max = 4_102_444_800L) long epochSecond) {
    Instant received = Instant.ofEpochSecond(epochSecond);
    LocalDate day = LocalDate.ofInstant(received, ZoneOffset.UTC);

    long days = ChronoUnit.DAYS.between(day, RequestService.dueDate(received));

    assertThat(days).isBetween(28L, 31L);
  }
}

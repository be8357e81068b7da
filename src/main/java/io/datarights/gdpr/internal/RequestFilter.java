package io.datarights.gdpr.internal;

import io.datarights.shared.ApiException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Which requests a privacy officer wants to see: by state, type and deadline. Blank means any.
 *
 * @param state OPEN (not finished), COMPLETED, ERROR, or null for all
 * @param dueWithinDays unfinished requests due within that many days from today (0 = overdue only)
 */
record RequestFilter(String state, RequestType type, Integer dueWithinDays) {

  static final RequestFilter ALL = new RequestFilter(null, null, null);

  static RequestFilter parse(String state, String type, String due) {
    String parsedState = blank(state) ? null : state.strip().toUpperCase(Locale.ROOT);
    if (parsedState != null && !parsedState.matches("OPEN|COMPLETED|ERROR")) {
      throw ApiException.invalidValue("state", "state must be OPEN, COMPLETED or ERROR.");
    }
    RequestType parsedType;
    try {
      parsedType = blank(type) ? null : RequestType.valueOf(type.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidValue("type", "type must be GDPR_EXPORT, GDPR_UPDATE or GDPR_DELETE.");
    }
    Integer days = null;
    if (!blank(due)) {
      if (due.strip().equalsIgnoreCase("overdue")) {
        days = -1;
      } else {
        try {
          days = Integer.parseInt(due.strip());
        } catch (NumberFormatException e) {
          days = null;
        }
        if (days == null || days < 0 || days > 366) {
          throw ApiException.invalidValue("due", "due must be 'overdue' or a number of days from 0 to 366.");
        }
      }
    }
    return new RequestFilter(parsedState, parsedType, days);
  }

  /** The SQL condition, with only fixed fragments; values travel as parameters. */
  String where() {
    StringBuilder where = new StringBuilder("org_id = :org");
    if ("OPEN".equals(state)) {
      where.append(" and status not in ('COMPLETED', 'ERROR')");
    } else if (state != null) {
      where.append(" and status = :state");
    }
    if (type != null) {
      where.append(" and request_type = :type");
    }
    if (dueWithinDays != null) {
      where.append(" and status not in ('COMPLETED', 'ERROR') and due_date ").append(dueWithinDays < 0 ? "< :today" : "<= :dueBy");
    }
    return where.toString();
  }

  LocalDate dueBy(LocalDate today) {
    return dueWithinDays == null || dueWithinDays < 0 ? today : today.plusDays(dueWithinDays);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

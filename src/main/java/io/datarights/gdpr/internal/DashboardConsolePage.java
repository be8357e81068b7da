package io.datarights.gdpr.internal;

import io.datarights.console.BarChart;
import io.datarights.console.ConsolePage;
import io.datarights.security.Caller;
import io.datarights.security.Permissions;
import io.datarights.security.RequiresPermission;
import io.datarights.shared.PageParams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /console/dashboard}: what needs attention now, and request volumes and speed over 30 days. */
@ConsolePage
class DashboardConsolePage {

  static final int DAYS = 30;

  private final RequestStatistics statistics;
  private final Deadlines deadlines;

  DashboardConsolePage(RequestStatistics statistics, Deadlines deadlines) {
    this.statistics = statistics;
    this.deadlines = deadlines;
  }

  @GetMapping("/console/dashboard")
  @RequiresPermission(Permissions.GDPR_REQUEST_VIEW)
  String dashboard(Caller caller, Model model) {
    LocalDate today = statistics.today();
    LocalDate first = today.minusDays(DAYS - 1);
    model.addAttribute("counts", statistics.counts(caller.orgId()));
    model.addAttribute("filed", filedChart(statistics.filedPerDay(caller.orgId(), first), first, today));
    model.addAttribute("speed", speedChart(statistics.completionTimesPerDay(caller.orgId(), first), first, today));
    model.addAttribute(
        "dueFirst",
        deadlines.openDueBefore(caller.orgId(), today.plusDays(Deadlines.SOON_DAYS), new PageParams(5, 1)).stream()
            .map(r -> RequestRow.of(r, today))
            .toList());
    return "console/gdpr/dashboard";
  }

  private static BarChart filedChart(Map<LocalDate, Map<RequestType, Long>> perDay, LocalDate first, LocalDate today) {
    List<String> days = days(first, today);
    List<BarChart.Series> series = new ArrayList<>();
    for (RequestType type : RequestType.values()) {
      List<Double> values = new ArrayList<>();
      for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
        values.add(perDay.getOrDefault(day, Map.of()).getOrDefault(type, 0L).doubleValue());
      }
      series.add(new BarChart.Series(RequestRow.typeLabel(type), RequestRow.typeClass(type), values));
    }
    return new BarChart("Requests filed per day, last " + DAYS + " days", "requests", days, series);
  }

  private static BarChart speedChart(Map<LocalDate, RequestStatistics.CompletionTimes> perDay, LocalDate first, LocalDate today) {
    List<Double> medians = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      RequestStatistics.CompletionTimes times = perDay.get(day);
      medians.add(times == null ? 0 : times.medianSeconds());
    }
    return new BarChart("Median time to complete, per day of completion", "seconds", days(first, today),
        List.of(new BarChart.Series("Median seconds", "export", medians)));
  }

  private static List<String> days(LocalDate first, LocalDate today) {
    List<String> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      days.add(day.toString().substring(5));
    }
    return days;
  }
}

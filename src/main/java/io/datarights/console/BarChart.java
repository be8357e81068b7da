package io.datarights.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A stacked bar chart drawn as SVG by the template fragment {@code console/chart :: bars}: the
 * geometry is computed here so that pages need no charting script. Each series has a CSS class
 * for its colour; the fragment always adds a table of the numbers, so colour is never the only cue.
 */
public record BarChart(String title, String unit, List<String> categories, List<Series> series) {

  public static final int WIDTH = 720;
  public static final int HEIGHT = 220;
  private static final int LEFT = 48;
  private static final int RIGHT = 8;
  private static final int TOP = 10;
  private static final int BOTTOM = 24;

  public BarChart {
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size() + " values for " + categories.size() + " categories");
      }
    }
  }

  /** One stacked layer: a name for the legend and table, a CSS class for its colour, one value per category. */
  public record Series(String name, String cssClass, List<Double> values) {
    public Series {
      values = List.copyOf(values);
    }

    public String formatted(int category) {
      return format(values.get(category));
    }
  }

  public record Rect(int x, int y, int width, int height, String cssClass, String label) {}

  public record Tick(int y, String label) {}

  public record XLabel(int x, String label) {}

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }

  public int plotLeft() {
    return LEFT;
  }

  public int plotBottom() {
    return HEIGHT - BOTTOM;
  }

  public int plotRight() {
    return WIDTH - RIGHT;
  }

  /** The height of the tallest stack, rounded up to a readable scale; at least 1. */
  public double scale() {
    double max = 0;
    for (int i = 0; i < categories.size(); i++) {
      max = Math.max(max, total(i));
    }
    return niceCeiling(max);
  }

  public double total(int category) {
    double sum = 0;
    for (Series s : series) {
      sum += s.values().get(category);
    }
    return sum;
  }

  public boolean isEmpty() {
    for (int i = 0; i < categories.size(); i++) {
      if (total(i) > 0) {
        return false;
      }
    }
    return true;
  }

  public List<Rect> rects() {
    List<Rect> rects = new ArrayList<>();
    double scale = scale();
    double slot = slot();
    int barWidth = (int) Math.max(1, Math.floor(slot * 0.7));
    double plotHeight = plotBottom() - TOP;
    for (int i = 0; i < categories.size(); i++) {
      int x = (int) Math.round(LEFT + i * slot + (slot - barWidth) / 2);
      double base = 0;
      for (Series s : series) {
        double value = s.values().get(i);
        if (value > 0) {
          int top = (int) Math.round(plotBottom() - (base + value) / scale * plotHeight);
          int bottom = (int) Math.round(plotBottom() - base / scale * plotHeight);
          rects.add(new Rect(x, top, barWidth, Math.max(1, bottom - top), s.cssClass(),
              categories.get(i) + ": " + format(value) + " " + unit + " (" + s.name() + ")"));
        }
        base += value;
      }
    }
    return rects;
  }

  public List<Tick> ticks() {
    double scale = scale();
    double plotHeight = plotBottom() - TOP;
    List<Tick> ticks = new ArrayList<>();
    // Whole numbers on the axis where the scale allows: 5 → 0,1,…,5 rather than 0,1.25,…,5.
    int steps = scale >= 1 && scale % 4 != 0 && scale % 5 == 0 ? 5 : 4;
    for (int step = 0; step <= steps; step++) {
      double value = scale * step / steps;
      ticks.add(new Tick((int) Math.round(plotBottom() - value / scale * plotHeight), format(value)));
    }
    return ticks;
  }

  /** About eight category labels along the axis, however many categories there are. */
  public List<XLabel> xLabels() {
    List<XLabel> labels = new ArrayList<>();
    int every = Math.max(1, (int) Math.ceil(categories.size() / 8.0));
    for (int i = 0; i < categories.size(); i += every) {
      labels.add(new XLabel((int) Math.round(LEFT + (i + 0.5) * slot()), categories.get(i)));
    }
    return labels;
  }

  public static String format(double value) {
    if (value == Math.rint(value)) {
      return String.valueOf((long) value);
    }
    return String.format(java.util.Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }

  private double slot() {
    return categories.isEmpty() ? 0 : (double) (plotRight() - LEFT) / categories.size();
  }

  private static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}

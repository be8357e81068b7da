package io.datarights.demo.internal;

import java.util.function.Consumer;

/** Prints how far a long generation has got, at most every two seconds and at the end. */
final class Progress {

  private final String what;
  private final long total;
  private final Consumer<String> out;
  private final long started = System.nanoTime();
  private long lastPrinted;

  Progress(String what, long total, Consumer<String> out) {
    this.what = what;
    this.total = total;
    this.out = out;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (done < total && now - lastPrinted < 2_000_000_000L) {
      return;
    }
    lastPrinted = now;
    double seconds = Math.max(0.001, (now - started) / 1e9);
    out.accept(
        String.format(
            "%-14s %,12d / %,d (%3d%%)  %,.0f/s  %.1fs",
            what, done, total, total == 0 ? 100 : done * 100 / total, done / seconds, seconds));
  }
}

package dev.runbook.sandbox.metrics;

import java.util.function.LongSupplier;

/**
 * Counters of one lesson version: cumulative totals for Prometheus and a ten-minute sliding window
 * for the stats API, updated together under one lock so they never disagree (like {@link SlotMetrics}).
 */
public final class LessonMetrics {

  private static final int WIDTH = LessonCounter.values().length;

  private final LessonSeriesKey key;
  private final LongSupplier clockMillis;
  private final long[] totals = new long[WIDTH];
  private final CounterRing window = new CounterRing(WIDTH);

  LessonMetrics(LessonSeriesKey key, LongSupplier clockMillis) {
    this.key = key;
    this.clockMillis = clockMillis;
  }

  public LessonSeriesKey key() {
    return key;
  }

  public synchronized void record(LessonCounter counter) {
    totals[counter.ordinal()]++;
    window.add(Math.floorDiv(clockMillis.getAsLong(), 1000L), counter.ordinal(), 1);
  }

  /** What happened over the last {@code lookbackSeconds} (1..600), the current second included. */
  public synchronized LessonCounts window(int lookbackSeconds) {
    if (lookbackSeconds < 1 || lookbackSeconds > SlidingWindow.MAX_LOOKBACK_SECONDS) {
      throw new IllegalArgumentException("lookback must be 1.." + SlidingWindow.MAX_LOOKBACK_SECONDS);
    }
    return LessonCounts.of(window.sum(Math.floorDiv(clockMillis.getAsLong(), 1000L), lookbackSeconds));
  }

  /** Everything since the series was created. */
  public synchronized LessonCounts totals() {
    return LessonCounts.of(totals.clone());
  }
}

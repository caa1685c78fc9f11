package dev.runbook.sandbox.metrics;

import java.util.Arrays;

/**
 * Cumulative latency histogram with fixed Prometheus buckets, for {@code /metrics}.
 *
 * <p>The bounds bracket the catalog's interesting latencies (tens of ms for healthy releases, 2-3 s
 * for the slow one, and 2 s for the seed watch rule "p95 > 2s"), so {@code histogram_quantile} over
 * them gives a usable answer. Not thread-safe: {@link SlotMetrics} guards it.
 */
final class LatencyHistogram {

  /** Upper bounds in seconds, ascending; an implicit +Inf bucket follows. */
  static final double[] BOUNDS_SECONDS =
      {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 5, 10};

  private final long[] counts = new long[BOUNDS_SECONDS.length + 1];
  private double sumSeconds;

  void record(double seconds) {
    int i = 0;
    while (i < BOUNDS_SECONDS.length && seconds > BOUNDS_SECONDS[i]) {
      i++;
    }
    counts[i]++;
    sumSeconds += seconds;
  }

  /** Cumulative counts per bound, the last entry being +Inf (= total count). */
  long[] cumulativeCounts() {
    long[] cumulative = Arrays.copyOf(counts, counts.length);
    for (int i = 1; i < cumulative.length; i++) {
      cumulative[i] += cumulative[i - 1];
    }
    return cumulative;
  }

  double sumSeconds() {
    return sumSeconds;
  }
}

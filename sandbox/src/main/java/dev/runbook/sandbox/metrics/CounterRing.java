package dev.runbook.sandbox.metrics;

/**
 * Per-second rows of counters covering the last {@link SlidingWindow#MAX_LOOKBACK_SECONDS} seconds,
 * for series that only count (no latencies), such as a lesson version's opens and errors.
 *
 * <p>Same idea as {@link SlidingWindow}: a ring answers "the last N seconds" for any N without a
 * background thread and forgets old data by overwriting it. Not thread-safe: the owner guards it.
 */
final class CounterRing {

  private final long[] seconds = new long[SlidingWindow.MAX_LOOKBACK_SECONDS + 1];
  private final long[][] rows;

  CounterRing(int width) {
    rows = new long[seconds.length][width];
    java.util.Arrays.fill(seconds, Long.MIN_VALUE);
  }

  void add(long second, int counter, long amount) {
    int slot = (int) Math.floorMod(second, (long) seconds.length);
    if (seconds[slot] != second) {
      seconds[slot] = second;
      java.util.Arrays.fill(rows[slot], 0);
    }
    rows[slot][counter] += amount;
  }

  /** Sums of the seconds in {@code (nowSecond - lookback, nowSecond]}, the current one included. */
  long[] sum(long nowSecond, int lookbackSeconds) {
    long[] total = new long[rows[0].length];
    for (int slot = 0; slot < seconds.length; slot++) {
      if (seconds[slot] <= nowSecond && seconds[slot] > nowSecond - lookbackSeconds) {
        for (int c = 0; c < total.length; c++) {
          total[c] += rows[slot][c];
        }
      }
    }
    return total;
  }
}

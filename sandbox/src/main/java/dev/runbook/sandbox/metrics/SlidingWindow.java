package dev.runbook.sandbox.metrics;

import java.util.Arrays;

/**
 * A ring of per-second buckets covering the last {@link #MAX_LOOKBACK_SECONDS} seconds.
 *
 * <p>Why per-second buckets: the runbooks ask "what happened over the last N seconds" for any N up to
 * ten minutes, at any moment; a ring answers that without a background thread and forgets old data
 * by overwriting it. Not thread-safe: {@link SlotMetrics} guards it.
 */
final class SlidingWindow {

  /** Longest lookback the stats API accepts. */
  static final int MAX_LOOKBACK_SECONDS = 600;

  /**
   * Buckets are created on the first second that lands in their place, not up front: a slot that
   * has only run for a minute holds a minute of buckets, and a thousand quiet slots do not start
   * with 600 buckets each (that was ~90 KB a slot before the first request).
   */
  private final SecondBucket[] ring = new SecondBucket[MAX_LOOKBACK_SECONDS + 1];

  /** The bucket of {@code second}, recycling the stale one that occupied its place in the ring. */
  SecondBucket bucket(long second) {
    int index = (int) Math.floorMod(second, (long) ring.length);
    SecondBucket bucket = ring[index];
    if (bucket == null) {
      bucket = new SecondBucket();
      ring[index] = bucket;
    }
    if (bucket.second != second) {
      bucket.reset(second);
    }
    return bucket;
  }

  /** Totals of the seconds in {@code (nowSecond - lookback, nowSecond]}, the current one included. */
  WindowStats summarize(long nowSecond, int lookbackSeconds) {
    long requests = 0;
    long errors = 0;
    long complaints = 0;
    long checks = 0;
    long failures = 0;
    int sampleCount = 0;
    for (SecondBucket bucket : ring) {
      if (inWindow(bucket, nowSecond, lookbackSeconds)) {
        requests += bucket.requests;
        errors += bucket.errors;
        complaints += bucket.complaints;
        checks += bucket.healthChecks;
        failures += bucket.healthFailures;
        sampleCount += bucket.latencyCount;
      }
    }
    float[] samples = new float[sampleCount];
    int filled = 0;
    for (SecondBucket bucket : ring) {
      if (inWindow(bucket, nowSecond, lookbackSeconds)) {
        System.arraycopy(bucket.latenciesMs, 0, samples, filled, bucket.latencyCount);
        filled += bucket.latencyCount;
      }
    }
    return new WindowStats(requests, errors, p95(samples), checks, failures, complaints);
  }

  private static boolean inWindow(SecondBucket bucket, long nowSecond, int lookbackSeconds) {
    return bucket != null && bucket.second <= nowSecond && bucket.second > nowSecond - lookbackSeconds;
  }

  /** Nearest-rank 95th percentile rounded to 0.1 ms, or null for no samples. */
  static Double p95(float[] samples) {
    if (samples.length == 0) {
      return null;
    }
    Arrays.sort(samples);
    int rank = (int) Math.ceil(0.95 * samples.length);
    return Math.round(samples[rank - 1] * 10.0) / 10.0;
  }
}

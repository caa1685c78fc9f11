package dev.runbook.sandbox.metrics;

import java.util.Arrays;

/**
 * Everything one slot saw during one wall-clock second, raw latencies included.
 *
 * <p>Raw samples rather than a histogram, because windowed p95 is what the runbooks' watch rules
 * compare against thresholds and it should be exact; at the sandbox's rates (tens of requests per
 * second) ten minutes of samples is a few hundred kilobytes. Not thread-safe: {@link SlotMetrics}
 * guards it.
 */
final class SecondBucket {

  private static final int INITIAL_CAPACITY = 16;
  private static final float[] NO_LATENCIES = new float[0];

  long second = Long.MIN_VALUE;
  long requests;
  long errors;
  long complaints;
  long healthChecks;
  long healthFailures;
  /** Allocated on the first request: most seconds of a quiet slot only hold a health check. */
  float[] latenciesMs = NO_LATENCIES;
  int latencyCount;

  /** Reuses this bucket for {@code newSecond}, forgetting what it held. */
  void reset(long newSecond) {
    second = newSecond;
    requests = errors = complaints = healthChecks = healthFailures = 0;
    latencyCount = 0;
    if (latenciesMs.length > 4096) {
      latenciesMs = new float[INITIAL_CAPACITY];
    }
  }

  void addLatency(double ms) {
    if (latencyCount == latenciesMs.length) {
      latenciesMs = Arrays.copyOf(latenciesMs, Math.max(INITIAL_CAPACITY, latencyCount * 2));
    }
    latenciesMs[latencyCount++] = (float) ms;
  }
}

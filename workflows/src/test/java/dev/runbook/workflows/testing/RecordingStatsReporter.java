package dev.runbook.workflows.testing;

import com.uber.m3.tally.Buckets;
import com.uber.m3.tally.Capabilities;
import com.uber.m3.tally.CapableOf;
import com.uber.m3.tally.StatsReporter;
import com.uber.m3.util.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sums what the workflows' metrics scope reports, by name and tags, so a test can assert that a
 * run counted what an alert or the dashboard reads. Tally reports counters as deltas.
 */
public final class RecordingStatsReporter implements StatsReporter {
  private final Map<String, Long> counters = new ConcurrentHashMap<>();

  /** The sum of counter {@code name} over every tag set that contains {@code tags}. */
  public long counter(String name, Map<String, String> tags) {
    return counters.entrySet().stream()
        .filter(e -> e.getKey().startsWith(name + "{"))
        .filter(e -> tags.entrySet().stream().allMatch(t -> e.getKey().contains(t.getKey() + "=" + t.getValue())))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** Waits up to 5 s for the next reports (every 10 ms) to bring the counter to {@code expected}. */
  public long awaitCounter(String name, Map<String, String> tags, long expected) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    long value = counter(name, tags);
    while (value != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
      value = counter(name, tags);
    }
    return value;
  }

  @Override
  public void reportCounter(String name, Map<String, String> tags, long value) {
    counters.merge(name + new TreeMap<>(tags), value, Long::sum);
  }

  @Override
  public void reportGauge(String name, Map<String, String> tags, double value) {}

  @Override
  public void reportTimer(String name, Map<String, String> tags, Duration interval) {}

  @Override
  public void reportHistogramValueSamples(String name, Map<String, String> tags, Buckets buckets,
      double bucketLowerBound, double bucketUpperBound, long samples) {}

  @Override
  public void reportHistogramDurationSamples(String name, Map<String, String> tags, Buckets buckets,
      Duration bucketLowerBound, Duration bucketUpperBound, long samples) {}

  @Override
  public Capabilities capabilities() {
    return CapableOf.REPORTING;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}

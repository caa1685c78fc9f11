package dev.runbook.sandbox.metrics;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * Every metrics series the sandbox has ever had, sorted, so {@code /metrics} is stable.
 *
 * <p>Series are never removed: Prometheus counters must not go backwards, and a retired release's
 * numbers are still worth reading after the rollback.
 */
public final class MetricsRegistry {

  private final ConcurrentSkipListMap<SeriesKey, SlotMetrics> series = new ConcurrentSkipListMap<>();
  private final LongSupplier clockMillis;

  public MetricsRegistry(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** The series of {@code version} on {@code colour} of {@code service}, created on first use. */
  public SlotMetrics slot(String service, String colour, String version) {
    return series.computeIfAbsent(new SeriesKey(service, colour, version),
        key -> new SlotMetrics(key, clockMillis));
  }

  public List<SlotMetrics> all() {
    return List.copyOf(series.values());
  }

  public long nowMillis() {
    return clockMillis.getAsLong();
  }
}

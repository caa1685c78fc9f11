package dev.runbook.sandbox.metrics;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;

/**
 * Every lesson version learners have opened, sorted. Series are never removed (Prometheus counters
 * must not go backwards, and a withdrawn version's numbers are what explain its rollback).
 */
public final class LessonMetricsRegistry {

  private final ConcurrentSkipListMap<LessonSeriesKey, LessonMetrics> series = new ConcurrentSkipListMap<>();
  private final LongSupplier clockMillis;

  public LessonMetricsRegistry(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  /** The series of {@code version} ("2.0" or "2.0.0") of {@code lessonId}, created on first use. */
  public LessonMetrics version(String lessonId, String version) {
    return series.computeIfAbsent(LessonSeriesKey.of(lessonId, version), key -> new LessonMetrics(key, clockMillis));
  }

  /** The series if any traffic reached it; a version nobody opened has none. */
  public Optional<LessonMetrics> find(String lessonId, String version) {
    return Optional.ofNullable(series.get(LessonSeriesKey.of(lessonId, version)));
  }

  /** Versions of {@code lessonId} that saw traffic, lowest first. */
  public List<String> versionsSeen(String lessonId) {
    return series.keySet().stream().filter(k -> k.lessonId().equals(lessonId)).map(LessonSeriesKey::version).toList();
  }

  public List<LessonMetrics> all() {
    return List.copyOf(series.values());
  }

  public long nowMillis() {
    return clockMillis.getAsLong();
  }
}

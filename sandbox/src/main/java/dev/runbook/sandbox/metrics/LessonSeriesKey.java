package dev.runbook.sandbox.metrics;

import dev.runbook.lessons.SemanticVersion;
import java.util.Comparator;

/**
 * Identity of one lesson metrics series: a lesson at one version (what a slot's colour is to a
 * service, the version is to a lesson: the unit a rollout is judged on). Versions are kept in
 * their normalised form ({@code 2.0.0}) so "2.0" and "2.0.0" never split one version's numbers.
 */
public record LessonSeriesKey(String lessonId, String version) implements Comparable<LessonSeriesKey> {

  private static final Comparator<String> VERSION_ORDER = Comparator
      .comparing((String v) -> SemanticVersion.tryParse(v).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(Comparator.naturalOrder());
  private static final Comparator<LessonSeriesKey> ORDER = Comparator.comparing(LessonSeriesKey::lessonId)
      .thenComparing(LessonSeriesKey::version, VERSION_ORDER);

  /** The key of {@code version} as any document or row writes it ("2.0" or "2.0.0"). */
  public static LessonSeriesKey of(String lessonId, String version) {
    return new LessonSeriesKey(lessonId, normalise(version));
  }

  /** {@code 2.0} → {@code 2.0.0}; text that is no version stays as it is. */
  public static String normalise(String version) {
    return SemanticVersion.tryParse(version).map(SemanticVersion::toString).orElse(version);
  }

  @Override
  public int compareTo(LessonSeriesKey other) {
    return ORDER.compare(this, other);
  }
}

package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.SemanticVersion;
import dev.runbook.sandbox.metrics.LessonCounts;
import dev.runbook.sandbox.metrics.LessonMetricsRegistry;
import dev.runbook.sandbox.metrics.LessonPrometheusWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What the admin API offers about lessons and learners: the store as learners see it, each
 * version's windowed numbers, and pausing the learners (tests snapshot progress while paused).
 */
public final class LessonsApi {

  private final PlatformDb db;
  private final LessonStore store;
  private final LessonMetricsRegistry metrics;
  private final LearnerSimulation learners;

  public LessonsApi(PlatformDb db, LessonMetricsRegistry metrics, LearnerSimulation learners) {
    this.db = db;
    this.store = new LessonStore(db);
    this.metrics = metrics;
    this.learners = learners;
  }

  /** Every published lesson, read from the store now; empty while the store is not migrated. */
  public List<LessonOverview> lessons() {
    try (Connection c = db.connect()) {
      if (!db.isMigrated(c)) {
        return List.of();
      }
      return store.read(c, metrics.nowMillis()).lessons().stream()
          .map(l -> LessonOverview.of(l, metrics.versionsSeen(l.lessonId()))).toList();
    } catch (SQLException e) {
      throw new IllegalStateException("the lesson store cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * A version's numbers over the last {@code lookbackSeconds}; zeros and nulls for a version without
   * traffic (it may simply not have been served yet).
   *
   * @throws IllegalArgumentException when {@code version} is not a semantic version
   */
  public LessonVersionStats stats(String lessonId, String version, int lookbackSeconds) {
    String normalised = SemanticVersion.tryParse(version).map(SemanticVersion::toString).orElseThrow(() ->
        new IllegalArgumentException("'" + version + "' is not a lesson version such as 2.0.0"));
    LessonCounts counts = metrics.find(lessonId, normalised).map(m -> m.window(lookbackSeconds))
        .orElse(LessonCounts.ZERO);
    return LessonVersionStats.of(lessonId, normalised, metrics.nowMillis(), lookbackSeconds, counts);
  }

  public LearnerStatus status() {
    return learners.status();
  }

  public LearnerStatus pause() {
    learners.pause();
    return learners.status();
  }

  public LearnerStatus resume() {
    learners.resume();
    return learners.status();
  }

  /** The lesson families for {@code /metrics}. */
  public String prometheusText() {
    return LessonPrometheusWriter.render(metrics.all());
  }
}

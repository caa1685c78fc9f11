package dev.runbook.sandbox.lessons;

import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.ProgressDocuments;
import dev.runbook.lessons.progress.ProgressMigrationException;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.lessons.progress.UserProgress;
import dev.runbook.sandbox.metrics.LessonMetricsRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session against the database: read the learner's document, run the session, write the
 * document back with compare-and-set (again from the read if another writer got there first), then
 * count. Counting after the write keeps the numbers and the
 * stored progress telling the same story if the write fails.
 */
final class SessionRunner {

  /** What one call did. */
  enum Result { RAN, NOTHING_TO_SERVE, SKIPPED }

  private static final Logger log = LoggerFactory.getLogger(SessionRunner.class);

  private final ProgressStore progress;
  private final LessonContentCache content;
  private final LearnerSession session;
  private final LearnerPicker picker;
  private final Chance chance;
  private final LessonMetricsRegistry metrics;
  private final ProgressMigrations migrations = ProgressMigrations.standard();
  private final QuietLog unreadable = new QuietLog(log, 10_000, System::currentTimeMillis);
  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  SessionRunner(ProgressStore progress, LessonContentCache content, LearnerSession session, LearnerPicker picker,
      Chance chance, LessonMetricsRegistry metrics) {
    this.progress = progress;
    this.content = content;
    this.session = session;
    this.picker = picker;
    this.chance = chance;
    this.metrics = metrics;
  }

  Result runOne(Connection c, LessonCatalog catalog) throws SQLException {
    if (catalog.servable().isEmpty()) {
      return Result.NOTHING_TO_SERVE;
    }
    String userId = picker.next(chance);
    // Compare-and-set: if another writer (another session, the progress migration) wrote this
    // learner's document after we read it, the session is run again on the fresh document.
    Attempt done = progress.update(c, userId, stored -> attempt(c, catalog, userId, stored));
    if (done.unreadable() != null) {
      // Never overwrite a document we cannot read: that could lose XP the platform cannot see.
      skipped.incrementAndGet();
      unreadable.warn("learner " + userId + " skipped, their progress document cannot be read: " + done.unreadable(),
          null);
      return Result.SKIPPED;
    }
    if (done.outcome().isEmpty()) {
      return Result.NOTHING_TO_SERVE;
    }
    done.outcome().get().events().forEach(e -> metrics.version(e.lessonId(), e.version()).record(e.counter()));
    sessions.incrementAndGet();
    return Result.RAN;
  }

  /** One try at a session on the document as read; no effects beyond the database reads. */
  private ProgressStore.Change<Attempt> attempt(Connection c, LessonCatalog catalog, String userId,
      Optional<Map<String, Object>> stored) throws SQLException {
    Map<String, Object> document;
    UserProgress learner;
    try {
      document = stored.isPresent() ? migrations.migrate(stored.get()).document() : new LinkedHashMap<>();
      learner = stored.isPresent() ? ProgressDocuments.read(document) : fresh(userId);
    } catch (ProgressMigrationException e) {
      return new ProgressStore.Change<>(null, new Attempt(Optional.empty(), e.getMessage()));
    }
    Optional<SessionOutcome> outcome = session.run(learner, catalog, v -> content.get(c, v), chance, Instant.now());
    Map<String, Object> written = outcome.filter(SessionOutcome::writes)
        .map(o -> ProgressPatch.apply(document, o.updated(), o.lessonId())).orElse(null);
    return new ProgressStore.Change<>(written, new Attempt(outcome, null));
  }

  /** What the session that counted did, or why the learner was skipped. */
  private record Attempt(Optional<SessionOutcome> outcome, String unreadable) {}

  long sessions() {
    return sessions.get();
  }

  long skipped() {
    return skipped.get();
  }

  private static UserProgress fresh(String userId) {
    return new UserProgress(userId, ProgressMigrations.CURRENT_SCHEMA_VERSION, Map.of(), Map.of(),
        new Gamification(0, 1, List.of(), 0));
  }
}

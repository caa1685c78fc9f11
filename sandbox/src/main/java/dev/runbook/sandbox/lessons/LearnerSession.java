package dev.runbook.sandbox.lessons;

import static dev.runbook.sandbox.metrics.LessonCounter.ABANDONED;
import static dev.runbook.sandbox.metrics.LessonCounter.COMPLETED;
import static dev.runbook.sandbox.metrics.LessonCounter.FEEDBACK_NEGATIVE;
import static dev.runbook.sandbox.metrics.LessonCounter.FEEDBACK_POSITIVE;
import static dev.runbook.sandbox.metrics.LessonCounter.OPENS;
import static dev.runbook.sandbox.metrics.LessonCounter.RENDER_ERRORS;
import static dev.runbook.sandbox.metrics.LessonCounter.RESTARTS;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.model.Section;
import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.UserProgress;
import dev.runbook.sandbox.metrics.LessonCounter;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One learner session: pick a lesson, get the version the {@link ServingRules} give, render it,
 * read, answer the quiz. Only ever adds XP and completions; the only thing it resets is the
 * in-progress entry of a learner restarted off a withdrawn version.
 */
public final class LearnerSession {
  /** How often a learner with lessons both open and completed retakes a completed one. */
  static final double REVIEW_SHARE = 0.25;

  private final LearnerBehaviour behaviour;
  private final MarketData market;

  public LearnerSession(LearnerBehaviour behaviour, MarketData market) {
    this.behaviour = behaviour;
    this.market = market;
  }

  /** Runs a session for {@code learner}; empty when no lesson is servable. */
  public Optional<SessionOutcome> run(UserProgress learner, LessonCatalog catalog, ContentSource content,
      Chance chance, Instant now) throws SQLException {
    List<PublishedLesson> servable = catalog.servable();
    if (servable.isEmpty()) {
      return Optional.empty();
    }
    List<PublishedLesson> open = servable.stream()
        .filter(l -> !learner.completions().containsKey(l.lessonId())).toList();
    if (open.isEmpty() || (open.size() < servable.size() && chance.happens(REVIEW_SHARE))) {
      List<PublishedLesson> done = servable.stream().filter(l -> !open.contains(l)).toList();
      return Optional.of(review(chance.pick(done), learner.userId(), content, chance, now));
    }
    PublishedLesson lesson = chance.pick(open);
    ServingRules.Serving serving = ServingRules.decide(lesson, learner.userId(), learner.lessons().get(lesson.lessonId()), now);
    Events events = new Events(lesson.lessonId(), serving.served().version());
    if (serving.restartedFrom() != null) {
      events.add(serving.restartedFrom(), RESTARTS);
    }
    events.add(OPENS);
    LessonProgress entry = touched(serving.entry(), now);
    LoadedLesson loaded = content.load(serving.served());
    if (loaded.renderProblem(market).isPresent()) {
      events.add(RENDER_ERRORS).add(ABANDONED);
      if (chance.happens(behaviour.negativeAfterRenderError())) {
        events.add(FEEDBACK_NEGATIVE);
      }
      return Optional.of(new SessionOutcome(learner.withLesson(lesson.lessonId(), entry), lesson.lessonId(), events.list));
    }
    Lesson shown = loaded.lesson();
    Optional<LessonProgress> leftAt = read(shown, entry, chance);
    UserProgress after;
    if (leftAt.isPresent()) {
      events.add(ABANDONED);
      after = learner.withLesson(lesson.lessonId(), leftAt.get());
    } else {
      events.add(COMPLETED);
      after = completed(learner, lesson.lessonId(), serving.served().version(), shown, chance, now);
    }
    feedback(events, chance);
    return Optional.of(new SessionOutcome(after, lesson.lessonId(), events.list));
  }

  /**
   * A learner who completed the lesson takes it again (seed 000: "completed: can review the new
   * version"): served like a learner not in progress, so a flag's version gets traffic from the
   * whole population, not only from learners who never started; counted as a full session, but
   * nothing is written: the completion and XP they earned stay exactly as they were.
   */
  private SessionOutcome review(PublishedLesson lesson, String userId, ContentSource content, Chance chance,
      Instant now) throws SQLException {
    StoredVersion served = ServingRules.forNewLearner(lesson, userId);
    Events events = new Events(lesson.lessonId(), served.version()).add(OPENS);
    LoadedLesson loaded = content.load(served);
    if (loaded.renderProblem(market).isPresent()) {
      events.add(RENDER_ERRORS).add(ABANDONED);
      if (chance.happens(behaviour.negativeAfterRenderError())) {
        events.add(FEEDBACK_NEGATIVE);
      }
      return new SessionOutcome(null, lesson.lessonId(), events.list);
    }
    LessonProgress fresh = new LessonProgress(served.version(), LessonProgress.IN_PROGRESS, List.of(), null, now, now);
    events.add(read(loaded.lesson(), fresh, chance).isPresent() ? ABANDONED : COMPLETED);
    feedback(events, chance);
    return new SessionOutcome(null, lesson.lessonId(), events.list);
  }

  /** Reads the sections not yet read, in order; the entry where they left, or empty if they read all. */
  private Optional<LessonProgress> read(Lesson lesson, LessonProgress entry, Chance chance) {
    List<String> done = new ArrayList<>(entry.sectionsCompleted());
    for (Section section : lesson.sections()) {
      if (done.contains(section.id())) {
        continue;
      }
      if (chance.happens(behaviour.abandonPerSection())) {
        return Optional.of(new LessonProgress(entry.version(), entry.status(), done, section.id(), entry.startedAt(),
            entry.lastAccessed()));
      }
      done.add(section.id());
    }
    return Optional.empty();
  }

  private UserProgress completed(UserProgress learner, String lessonId, String version, Lesson lesson, Chance chance,
      Instant now) {
    int right = 0;
    int xp = 0;
    for (QuizQuestion q : lesson.quiz()) {
      if (chance.happens(behaviour.correctAnswer())) {
        right++;
        xp += q.xp();
      }
    }
    Map<String, LessonProgress> lessons = new LinkedHashMap<>(learner.lessons());
    lessons.remove(lessonId);
    Map<String, LessonCompletion> completions = new LinkedHashMap<>(learner.completions());
    completions.put(lessonId, new LessonCompletion(now, version, xp, right, lesson.quiz().size()));
    Gamification g = learner.gamification();
    long totalXp = g.totalXp() + xp;
    // Level 1 per started 100 XP; never lowered, whatever level a document arrived with.
    int level = Math.max(g.level(), (int) (totalXp / 100) + 1);
    return new UserProgress(learner.userId(), learner.schemaVersion(), lessons, completions,
        new Gamification(totalXp, level, g.badges(), g.streakDays()));
  }

  private void feedback(Events events, Chance chance) {
    if (chance.happens(behaviour.feedback())) {
      events.add(chance.happens(behaviour.negativeFeedback()) ? FEEDBACK_NEGATIVE : FEEDBACK_POSITIVE);
    }
  }

  private static LessonProgress touched(LessonProgress entry, Instant now) {
    return new LessonProgress(entry.version(), entry.status(), entry.sectionsCompleted(), entry.currentSection(),
        entry.startedAt() != null ? entry.startedAt() : now, now);
  }

  /** Events of the served version, plus any of another version of the same lesson. */
  private static final class Events {
    private final String lessonId;
    private final String version;
    private final List<LessonEvent> list = new ArrayList<>();

    Events(String lessonId, String version) {
      this.lessonId = lessonId;
      this.version = version;
    }

    Events add(LessonCounter counter) {
      return add(version, counter);
    }

    Events add(String otherVersion, LessonCounter counter) {
      list.add(new LessonEvent(lessonId, otherVersion, counter));
      return this;
    }
  }
}

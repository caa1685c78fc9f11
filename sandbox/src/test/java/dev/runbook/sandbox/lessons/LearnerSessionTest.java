package dev.runbook.sandbox.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.UserProgress;
import dev.runbook.sandbox.metrics.LessonCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session logic without a database: content comes straight from the shipped lesson files. */
class LearnerSessionTest {

  private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
  private static final String ID = "stock_basics_002";

  private final StoredVersion version = new StoredVersion(ID, "1.1.0", "sum", false);
  private final LessonCatalog catalog = new LessonCatalog(
      List.of(new PublishedLesson(ID, "1.1.0", Map.of("1.1.0", version), List.of())), 0);

  @Test
  void aSessionThatReadsEverythingCompletesWithTheXpOfTheRightAnswers() throws Exception {
    LearnerBehaviour diligent = new LearnerBehaviour(0.4, 0, 1.0, 0, 0, 0.7, 100);
    SessionOutcome outcome = new LearnerSession(diligent, MarketData.standard())
        .run(fresh(), catalog, this::content, Chance.seeded(1), NOW).orElseThrow();

    UserProgress after = outcome.updated();
    assertThat(after.lessons()).doesNotContainKey(ID);
    assertThat(after.completions().get(ID).xpEarned()).isEqualTo(35);
    assertThat(after.completions().get(ID).quizScore()).isEqualTo(3);
    assertThat(after.gamification().totalXp()).isEqualTo(35);
    assertThat(outcome.events()).extracting(LessonEvent::counter)
        .containsExactly(LessonCounter.OPENS, LessonCounter.COMPLETED);
  }

  @Test
  void aLearnerWhoCompletedEverythingReviewsAndNothingIsWritten() throws Exception {
    SessionOutcome first = new LearnerSession(new LearnerBehaviour(0.4, 0, 1.0, 0, 0, 0.7, 100), MarketData.standard())
        .run(fresh(), catalog, this::content, Chance.seeded(1), NOW).orElseThrow();

    SessionOutcome review = new LearnerSession(LearnerBehaviour.standard(), MarketData.standard())
        .run(first.updated(), catalog, this::content, Chance.seeded(2), NOW).orElseThrow();

    assertThat(review.writes()).isFalse();
    assertThat(review.events()).extracting(LessonEvent::counter).startsWith(LessonCounter.OPENS)
        .containsAnyOf(LessonCounter.COMPLETED, LessonCounter.ABANDONED);
  }

  @Test
  void aLessonThatFailsToRenderLeavesTheLearnerInProgressWithNothingRead() throws Exception {
    ContentSource broken = v -> LoadedLesson.unusable("broken on purpose");
    LearnerBehaviour alwaysUpset = new LearnerBehaviour(0.4, 0.03, 0.85, 0.3, 0.1, 1.0, 100);

    SessionOutcome outcome = new LearnerSession(alwaysUpset, MarketData.standard())
        .run(fresh(), catalog, broken, Chance.seeded(3), NOW).orElseThrow();

    assertThat(outcome.updated().lessons().get(ID).version()).isEqualTo("1.1.0");
    assertThat(outcome.updated().lessons().get(ID).sectionsCompleted()).isEmpty();
    assertThat(outcome.updated().gamification().totalXp()).isZero();
    assertThat(outcome.events()).extracting(LessonEvent::counter).containsExactly(LessonCounter.OPENS,
        LessonCounter.RENDER_ERRORS, LessonCounter.ABANDONED, LessonCounter.FEEDBACK_NEGATIVE);
  }

  @Test
  void xpOnlyEverGrowsOverManySessions() throws Exception {
    LearnerSession session = new LearnerSession(LearnerBehaviour.standard(), MarketData.standard());
    Chance chance = Chance.seeded(4);
    for (int run = 0; run < 200; run++) {
      UserProgress learner = fresh();
      long xp = 0;
      for (int i = 0; i < 5; i++) {
        SessionOutcome o = session.run(learner, catalog, this::content, chance, NOW).orElseThrow();
        if (o.writes()) {
          assertThat(o.updated().gamification().totalXp()).isGreaterThanOrEqualTo(xp);
          learner = o.updated();
          xp = learner.gamification().totalXp();
        }
      }
    }
  }

  private LoadedLesson parsed;

  /** Parsed once, as the content cache would. */
  private LoadedLesson content(StoredVersion v) {
    if (parsed == null) {
      try {
        parsed = LessonContentCache.parse(v, Files.readString(Path.of("../lessons/content/02_bid_ask_spread.yaml")));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return parsed;
  }

  private static UserProgress fresh() {
    return new UserProgress("learner-000001", "1.0", Map.of(), Map.of(), new Gamification(0, 1, List.of(), 0));
  }
}

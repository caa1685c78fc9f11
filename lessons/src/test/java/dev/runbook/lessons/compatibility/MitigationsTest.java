package dev.runbook.lessons.compatibility;

import static dev.runbook.lessons.compatibility.CompatibilityMatrixTest.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.model.Lesson;
import dev.runbook.lessons.model.QuizQuestion;
import dev.runbook.lessons.progress.Gamification;
import dev.runbook.lessons.progress.LessonCompletion;
import dev.runbook.lessons.progress.LessonProgress;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.lessons.progress.UserProgress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every row of seed 001's "Summary of Mitigations" table. */
class MitigationsTest {
  private static final Instant T = Instant.parse("2024-11-24T10:00:00Z");
  private static final UserProgress LEARNER = new UserProgress("telegram_1", "1.0",
      Map.of("reading_a_quote", new LessonProgress("1.1.0", LessonProgress.IN_PROGRESS, List.of("introduction"),
          "live_example", T, T)),
      Map.of("stock_basics_001", new LessonCompletion(T, "1.0", 50, 4, 5)),
      new Gamification(500, 4, List.of("first_steps"), 7));

  @Test
  void theTableHasTheSeedsSevenRowsInOrder() {
    assertThat(Arrays.stream(Mitigation.values()).map(m -> m.scenario() + " | " + m.mitigation() + " | "
        + m.userExperience())).containsExactly(
            "In-progress lesson updated | Load user's original version | Seamless, no interruption",
            "Completed lesson updated | Preserve completion, offer \"view updates\" | Optional review",
            "XP system changes | Retroactive XP adjustment | Automatic, fair",
            "Quiz answer changes | Grandfather old answers as correct | No penalty",
            "Breaking lesson changes | User choice: continue or restart | User control",
            "Code deployment issues | Auto-rollback in < 5min | Minimal downtime",
            "Database migration | Blue-green with snapshot | Zero data loss");
  }

  @ParameterizedTest
  @EnumSource(Mitigation.class)
  void eachRowIsHonoured(Mitigation row) {
    assertThat(row.handledBy()).isNotBlank();
    switch (row) {
      case IN_PROGRESS_LESSON_UPDATED -> {
        // Resolution starts from the version the learner started: across a major it is what they keep getting.
        InProgressDecision major = CompatibilityMatrix.inProgress(v("1.1.0"), v("2.0.0"), Set.of());
        assertThat(major.servedVersion()).isEqualTo(v("1.1.0"));
        // Within a major they move on seamlessly, keeping their place, which is safe because a patch or minor
        // version cannot remove a section they completed.
        LessonProgress before = LEARNER.lessons().get("reading_a_quote");
        for (String next : List.of("1.1.1", "1.2.0")) {
          InProgressDecision d = CompatibilityMatrix.inProgress(v("1.1.0"), v(next), Set.of());
          assertThat(d.notice()).isIn(LearnerNotice.NONE, LearnerNotice.UPDATED_BADGE);
          assertThat(d.apply(before, null).sectionsCompleted()).isEqualTo(before.sectionsCompleted());
          assertThat(d.apply(before, null).currentSection()).isEqualTo(before.currentSection());
        }
        Lesson withoutIntro = Lessons.edited("1.2.0", "  - type: introduction\n    content: \"A quote shows what"
            + " buyers offer and what sellers ask.\"\n", "");
        assertThat(ChangeClassifier.classify(Lessons.base(), withoutIntro).isRefused()).isTrue();
        assertThat(row.implementedHere()).isTrue();
      }
      case COMPLETED_LESSON_UPDATED -> {
        CompletedDecision d = CompatibilityMatrix.completed(v("1.0.0"), v("1.1.0"));
        assertThat(d.keepsCompletion()).isTrue();
        assertThat(d.keepsXp()).isTrue();
        assertThat(d.offersViewUpdates()).isTrue();
        assertThat(row.implementedHere()).isTrue();
      }
      case QUIZ_ANSWER_CHANGES -> {
        Lesson before = Lessons.base();
        Lesson after = Lessons.edited("1.1.1", "options: [\"A buyer\", \"A seller\"]\n    correct_answer: \"A seller\"",
            "options: [\"A seller\", \"A market maker\"]\n    correct_answer: \"A market maker\"");
        assertThat(LessonDiff.between(before, after).changedAnswers()).containsExactly("q2");
        QuizQuestion old = before.question("q2").orElseThrow();
        QuizQuestion now = after.question("q2").orElseThrow();
        assertThat(QuizCredit.of(old, now, "A seller")).isEqualTo(new QuizCredit("q2", true, true, 5));
        assertThat(QuizCredit.of(old, now, "A buyer")).isEqualTo(new QuizCredit("q2", false, false, 0));
        assertThat(QuizCredit.of(old, null, "A seller").grandfathered()).as("question removed").isTrue();
        assertThat(QuizCredit.of(now, now, "A market maker")).isEqualTo(new QuizCredit("q2", true, false, 5));
        assertThat(row.implementedHere()).isTrue();
      }
      case BREAKING_LESSON_CHANGES -> {
        InProgressDecision d = CompatibilityMatrix.inProgress(v("1.1.0"), v("2.0.0"), Set.of());
        assertThat(d.choices()).containsExactly(LearnerChoice.CONTINUE_STARTED, LearnerChoice.RESTART_ON_NEW);
        assertThat(d.notice()).isEqualTo(LearnerNotice.CHOICE_PROMPT);
        for (LearnerChoice choice : LearnerChoice.values()) {
          UserProgress after = LEARNER.withLesson("reading_a_quote",
              d.apply(LEARNER.lessons().get("reading_a_quote"), choice));
          assertThat(after.fingerprint()).isEqualTo(LEARNER.fingerprint());
          assertThat(after.completions()).isEqualTo(LEARNER.completions());
          assertThat(after.gamification()).isEqualTo(LEARNER.gamification());
        }
        assertThat(row.implementedHere()).isTrue();
      }
      case XP_SYSTEM_CHANGES -> {
        assertThat(row.implementedHere()).isFalse();
        assertThat(row.handledBy()).contains("CodeDeploy");
      }
      case CODE_DEPLOYMENT_ISSUES -> {
        assertThat(row.implementedHere()).isFalse();
        assertThat(row.handledBy()).contains("CodeDeploy");
      }
      case DATABASE_MIGRATION -> {
        assertThat(row.implementedHere()).isFalse();
        assertThat(row.handledBy()).contains("SchemaMigration").contains("ProgressMigrations");
        Map<String, Object> doc = Map.of("user_id", "u1", "schema_version", "0.9",
            "gamification", Map.of("total_xp", 120), "lesson_completions", Map.of("a", Map.of("xp_earned", 120)));
        assertThat(ProgressMigrations.standard().migrate(doc).fingerprint().totalXp()).isEqualTo(120);
      }
    }
  }
}

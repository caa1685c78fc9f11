package dev.runbook.lessons.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;
import dev.runbook.lessons.progress.LessonProgress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every row of seed 001's "Version Compatibility Matrix". */
class CompatibilityMatrixTest {
  private static final LessonProgress HALFWAY = new LessonProgress("1.0.0", LessonProgress.IN_PROGRESS,
      List.of("introduction", "live_example"), "explanation", Instant.parse("2024-11-24T10:00:00Z"),
      Instant.parse("2024-11-24T10:15:00Z"));

  @Test
  void theTableHasTheSeedsFiveRowsInOrder() {
    assertThat(Arrays.stream(CompatibilityRule.values())
        .map(r -> r.seedUserVersion() + " | " + r.seedCurrentVersion() + " | " + r.action().seedName() + " | "
            + r.seedUserImpact()))
        .containsExactly(
            "1.0 | 1.0 | None | None",
            "1.0 | 1.1 | Auto-migrate | Seamless, no notice",
            "1.0 | 1.5 | Auto-migrate + notify | Continue, see \"Updated\" badge",
            "1.0 | 2.0 | User choice | Choose: continue or restart",
            "1.x | 2.x | Force restart | Notify + preserve XP");
  }

  @ParameterizedTest
  @EnumSource(CompatibilityRule.class)
  void eachRowIsSelectedForItsExampleAndDoesWhatTheSeedSays(CompatibilityRule row) {
    Set<SemanticVersion> retired = row.startedVersionRetired() ? Set.of(row.exampleStarted()) : Set.of();
    InProgressDecision d = CompatibilityMatrix.inProgress(row.exampleStarted(), row.exampleCurrent(), retired);

    assertThat(d.rule()).isEqualTo(row);
    assertThat(row.change()).isEqualTo(row.exampleStarted().changeTo(row.exampleCurrent()));
    assertThat(d.action().preservesXp()).isTrue();
    switch (row) {
      case SAME_VERSION -> {
        assertThat(d.notice()).isEqualTo(LearnerNotice.NONE);
        assertThat(d.servedVersion()).isEqualTo(row.exampleCurrent());
        assertThat(d.apply(HALFWAY, null)).isEqualTo(HALFWAY);
      }
      case PATCH_UPDATE -> {
        assertThat(d.notice()).isEqualTo(LearnerNotice.NONE);
        assertThat(d.servedVersion()).isEqualTo(row.exampleCurrent());
        assertThat(d.choices()).isEmpty();
        assertThat(d.apply(HALFWAY, null)).isEqualTo(HALFWAY.movedTo("1.0.1"));
        assertThat(d.apply(HALFWAY, null).sectionsCompleted()).isEqualTo(HALFWAY.sectionsCompleted());
      }
      case MINOR_UPDATE -> {
        assertThat(d.notice()).isEqualTo(LearnerNotice.UPDATED_BADGE);
        assertThat(d.servedVersion()).isEqualTo(row.exampleCurrent());
        assertThat(d.choices()).isEmpty();
        assertThat(d.apply(HALFWAY, null).version()).isEqualTo("1.5.0");
        assertThat(d.apply(HALFWAY, null).currentSection()).isEqualTo("explanation");
      }
      case MAJOR_UPDATE -> {
        assertThat(d.notice()).isEqualTo(LearnerNotice.CHOICE_PROMPT);
        assertThat(d.servedVersion()).as("the started version until they choose").isEqualTo(row.exampleStarted());
        assertThat(d.choices()).containsExactly(LearnerChoice.CONTINUE_STARTED, LearnerChoice.RESTART_ON_NEW);
        assertThat(d.versionFor(LearnerChoice.CONTINUE_STARTED)).isEqualTo(row.exampleStarted());
        assertThat(d.versionFor(LearnerChoice.RESTART_ON_NEW)).isEqualTo(row.exampleCurrent());
        assertThat(d.apply(HALFWAY, null)).isEqualTo(HALFWAY);
        assertThat(d.apply(HALFWAY, LearnerChoice.CONTINUE_STARTED)).isEqualTo(HALFWAY);
        assertThat(d.apply(HALFWAY, LearnerChoice.RESTART_ON_NEW))
            .isEqualTo(new LessonProgress("2.0.0", LessonProgress.IN_PROGRESS, List.of(), null,
                HALFWAY.startedAt(), HALFWAY.lastAccessed()));
      }
      case MAJOR_UPDATE_STARTED_RETIRED -> {
        assertThat(d.notice()).isEqualTo(LearnerNotice.RESTART_NOTICE);
        assertThat(d.servedVersion()).isEqualTo(row.exampleCurrent());
        assertThat(d.choices()).isEmpty();
        assertThat(d.apply(HALFWAY, null).sectionsCompleted()).isEmpty();
        assertThat(d.apply(HALFWAY, null).version()).isEqualTo("2.1.0");
      }
    }
  }

  @Test
  void theSizeOfTheChangeDecidesWhateverTheDigits() {
    assertThat(rule("1.2.3", "1.2.9")).isEqualTo(CompatibilityRule.PATCH_UPDATE);
    assertThat(rule("1.2.3", "1.3.0")).isEqualTo(CompatibilityRule.MINOR_UPDATE);
    assertThat(rule("1.2.3", "1.9.9")).isEqualTo(CompatibilityRule.MINOR_UPDATE);
    assertThat(rule("1.2.3", "3.0.0")).isEqualTo(CompatibilityRule.MAJOR_UPDATE);
  }

  @Test
  void afterARollbackTheLowerCurrentVersionIsMatchedTheSameWay() {
    assertThat(rule("1.0.1", "1.0.0")).isEqualTo(CompatibilityRule.PATCH_UPDATE);
    assertThat(rule("2.0.0", "1.1.0")).isEqualTo(CompatibilityRule.MAJOR_UPDATE);
    assertThat(CompatibilityMatrix.inProgress(v("2.0.0"), v("1.1.0"), Set.of(v("2.0.0"))).rule())
        .as("a rolled-back major is withdrawn: learners restart on the version current again")
        .isEqualTo(CompatibilityRule.MAJOR_UPDATE_STARTED_RETIRED);
  }

  @Test
  void retirementOnlyMattersAcrossMajorVersions() {
    assertThat(CompatibilityMatrix.inProgress(v("1.0.0"), v("1.1.0"), Set.of(v("1.0.0"))).rule())
        .isEqualTo(CompatibilityRule.MINOR_UPDATE);
  }

  @Test
  void choicesAreRefusedWhereTheRowOffersNone() {
    InProgressDecision patch = CompatibilityMatrix.inProgress(v("1.0.0"), v("1.0.1"), Set.of());
    assertThatThrownBy(() -> patch.apply(HALFWAY, LearnerChoice.RESTART_ON_NEW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offers no choice");
    assertThatThrownBy(() -> patch.versionFor(LearnerChoice.CONTINUE_STARTED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void completedLearnersKeepTheirCompletionAndAreOfferedTheUpdates() {
    CompletedDecision same = CompatibilityMatrix.completed(v("1.0.0"), v("1.0.0"));
    assertThat(same.offersViewUpdates()).isFalse();
    assertThat(same.notice()).isEqualTo(LearnerNotice.NONE);
    for (String current : List.of("1.0.1", "1.1.0", "2.0.0")) {
      CompletedDecision d = CompatibilityMatrix.completed(v("1.0.0"), v(current));
      assertThat(d.keepsCompletion()).isTrue();
      assertThat(d.keepsXp()).isTrue();
      assertThat(d.offersViewUpdates()).isTrue();
    }
    assertThat(CompatibilityMatrix.completed(v("1.0.0"), v("1.0.1")).notice()).isEqualTo(LearnerNotice.NONE);
    assertThat(CompatibilityMatrix.completed(v("1.0.0"), v("1.1.0")).notice())
        .isEqualTo(LearnerNotice.UPDATED_BADGE);
    assertThat(CompatibilityMatrix.completed(v("1.0.0"), v("2.0.0")).change()).contains(ChangeKind.MAJOR);
    assertThat(CompatibilityMatrix.completed(v("1.0.0"), v("2.0.0")).notice())
        .isEqualTo(LearnerNotice.CHANGELOG_MESSAGE);
  }

  private static CompatibilityRule rule(String started, String current) {
    return CompatibilityMatrix.inProgress(v(started), v(current), Set.of()).rule();
  }

  static SemanticVersion v(String s) {
    return SemanticVersion.parse(s);
  }
}

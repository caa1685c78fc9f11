package dev.runbook.lessons.compatibility;

import static dev.runbook.lessons.compatibility.CompatibilityMatrixTest.v;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.model.Lesson;
import org.junit.jupiter.api.Test;

class LessonNoticesTest {
  private final Lesson lesson = Lessons.base();

  @Test
  void patchUpdatesSayNothing() {
    assertThat(LessonNotices.text(LearnerNotice.NONE, lesson, v("1.0.0"))).isEmpty();
  }

  @Test
  void minorUpdatesShowTheUpdatedBadgeWithTheChanges() {
    assertThat(LessonNotices.text(LearnerNotice.UPDATED_BADGE, lesson, v("1.0.0"))).contains(
        "[Updated] \"Reading a Quote\" was improved in version 1.1.0:\n- Added a live example");
  }

  @Test
  void breakingChangesPromptForAChoice() {
    assertThat(LessonNotices.text(LearnerNotice.CHOICE_PROMPT, lesson, v("1.0.0"))).contains("""
        "Reading a Quote" was updated to version 1.1.0 while you were working through it:
        - Added a live example
        You can:
        1. Continue the version you started (1.0.0)
        2. Restart with the new version
        Your progress and XP are kept either way.""");
  }

  @Test
  void completedAndRetiredLearnersAreToldTheirXpIsKept() {
    assertThat(LessonNotices.text(LearnerNotice.CHANGELOG_MESSAGE, lesson, v("1.0.0")).orElseThrow())
        .startsWith("\"Reading a Quote\" has a new version 1.1.0:\n- Added a live example\n")
        .endsWith("Your completion and XP are kept. Open the lesson to view the updates.");
    assertThat(LessonNotices.text(LearnerNotice.RESTART_NOTICE, lesson, v("0.9.0")).orElseThrow())
        .startsWith("Version 0.9.0 of \"Reading a Quote\" is no longer available")
        .endsWith("Your XP and completed lessons are kept.");
  }
}

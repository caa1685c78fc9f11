package dev.runbook.starter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.compatibility.LearnerNotice;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeCountsTest {

  @Test
  void aPatchSendsNothing() {
    RunbookStatus patch = status(List.of(), "patch: learners are not notified");
    assertThat(NoticeCounts.of(patch)).isEmpty();
    assertThat(NoticeCounts.describe(NoticeCounts.of(patch))).isEqualTo("no notification");
    assertThat(NoticeCounts.of(status(List.of(), "no learner to notify"))).isEmpty();
  }

  @Test
  void aMinorGivesTheUpdatedBadge() {
    RunbookStatus minor = status(
        List.of(new StepView("Notify learners (\"Updated\" badge)", StepState.SUCCEEDED, "notices {UPDATED_BADGE=12}", null, null)),
        "notices {UPDATED_BADGE=12}");
    assertThat(NoticeCounts.of(minor)).containsExactly(Map.entry(LearnerNotice.UPDATED_BADGE, 12));
    assertThat(NoticeCounts.describe(NoticeCounts.of(minor))).isEqualTo("12 learners got the \"Updated\" badge");
  }

  @Test
  void aMajorCountsWhatWasSentNotTheForecast() {
    RunbookStatus major = status(List.of(),
        "learners touched by 2.0.0: 4 in progress {MAJOR_UPDATE=4}, 7 completed {CHANGELOG_MESSAGE=7}, 9 not started; 11 to notify",
        "notices {CHANGELOG_MESSAGE=6, CHOICE_PROMPT=1}");
    assertThat(NoticeCounts.describe(NoticeCounts.of(major)))
        .isEqualTo("6 learners got a changelog message, 1 learner got a choice prompt");
  }

  private static RunbookStatus status(List<StepView> steps, String... log) {
    List<LogEntry> entries = java.util.Arrays.stream(log).map(m -> new LogEntry(0, m)).toList();
    return new RunbookStatus("LessonUpdate", "lesson:x:local", "x", "local", "1.1.0", "ci", "r", null, null, null,
        steps, null, null, null, null, null, null, null, null, null, entries, null, null, 0, 0);
  }
}

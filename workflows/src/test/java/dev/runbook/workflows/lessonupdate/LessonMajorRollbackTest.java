package dev.runbook.workflows.lessonupdate;

import static dev.runbook.workflows.contract.MetricKind.LESSON_COMPLETION_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.LESSON_ERROR_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.LESSON_NEGATIVE_FEEDBACK_PERCENT;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.LESSON_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.testing.LessonPolicies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.Series;
import org.junit.jupiter.api.Test;

/**
 * A major update rolled back by each lesson rule, by an abort during a watch and during the 24h
 * the flag stays: the flag goes to 0%, the new version is withdrawn, the old one is current.
 */
@RunbookTest(LessonUpdateWorkflowImpl.class)
class LessonMajorRollbackTest {
  private final RunbookTestEnvironment rt;

  LessonMajorRollbackTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void anErrorRateAboveFivePercentAtTenPercentRollsBack() {
    rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.watch.script("2.0.0", LESSON_ERROR_RATE_PERCENT, Series.stepUp(0.3, 6, 9.5));
    rt.startLessonUpdate();

    RunbookResult result = rt.result(LESSON_ID);

    assertRolledBack(result, LessonPolicies.ERRORS);
    assertThat(rt.lessons.flagHistory()).containsExactly(10, 0);
  }

  @Test
  void aCompletionRateFifteenPercentBelowTheOldVersionsRollsBack() {
    rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.watch.script("2.0.0", LESSON_COMPLETION_RATE_PERCENT, Series.constant(51))
        .script("1.1.0", LESSON_COMPLETION_RATE_PERCENT, Series.constant(74));
    rt.startLessonUpdate();

    assertRolledBack(rt.result(LESSON_ID), LessonPolicies.COMPLETION);
  }

  @Test
  void anErrorRateBetweenTwoAndFivePercentOnlyNotifies() {
    rt.lessons.use(LessonPolicies.autoGates()).serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.watch.script("2.0.0", LESSON_ERROR_RATE_PERCENT, Series.constant(3.1))
        .script("2.0.0", LESSON_NEGATIVE_FEEDBACK_PERCENT, Series.constant(6));
    rt.startLessonUpdate();

    assertThat(rt.result(LESSON_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.notifier.ofSeverity(Severity.WARNING))
        .anyMatch(n -> n.title().startsWith(LessonPolicies.ERRORS_WARNING + " fired on 2.0.0"));
  }

  @Test
  void anAbortDuringTheFiftyPercentWatchRollsBack() {
    rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    var block = rt.watch.blockDuring("50%");
    rt.startLessonUpdate();
    rt.awaitApprovalOf(LESSON_ID, "Flag 10%");
    rt.promote(LESSON_ID, "alice");
    block.awaitEntered();

    rt.abort(LESSON_ID, "bob", "learners report a broken chart");

    RunbookResult result = rt.result(LESSON_ID);
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.reason()).isEqualTo("aborted by bob: learners report a broken chart");
    assertThat(rt.lessons.flagHistory()).containsExactly(10, 50, 0);
    assertThat(rt.lessons.withdrawn()).containsExactly("2.0.0");
    assertThat(rt.lessons.current()).isEqualTo("1.1.0");
  }

  @Test
  void anAbortWhileTheFlagIsKeptAsAKillSwitchMakesTheOldVersionCurrentAgain() {
    rt.lessons.use(LessonPolicies.autoGates()).serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.startLessonUpdate();
    rt.awaitPhase(LESSON_ID, Phase.RETIRING_OLD);
    rt.awaitSettled(LESSON_ID);
    assertThat(rt.lessons.current()).isEqualTo("2.0.0");

    rt.abort(LESSON_ID, "alice", "completion dropped overnight");

    RunbookResult result = rt.result(LESSON_ID);
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(result.liveVersion()).isEqualTo("1.1.0");
    assertThat(rt.lessons.current()).isEqualTo("1.1.0");
    assertThat(rt.lessons.withdrawn()).containsExactly("2.0.0");
    assertThat(rt.lessons.flags()).isEmpty();
    assertThat(rt.lessons.calls()).containsSubsequence("makeCurrent 2.0.0", "makeCurrent 1.1.0", "setFlag 0", "withdraw 2.0.0")
        .doesNotContain("removeFlag");
  }

  private void assertRolledBack(RunbookResult result, String rule) {
    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).startsWith(rule + ":");
    assertThat(result.liveVersion()).isEqualTo("1.1.0");
    assertThat(rt.lessons.current()).isEqualTo("1.1.0");
    assertThat(rt.lessons.withdrawn()).containsExactly("2.0.0");
    assertThat(rt.lessons.flags()).isEmpty();
    assertThat(rt.lessons.calls()).doesNotContain("makeCurrent 2.0.0");
    assertThat(rt.registry.reports().values()).singleElement().satisfies(r -> assertThat(r.trigger()).contains(rule));
  }
}

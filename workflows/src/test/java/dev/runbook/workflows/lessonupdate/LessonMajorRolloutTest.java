package dev.runbook.workflows.lessonupdate;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.LESSON_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.testing.LessonPolicies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import io.temporal.api.enums.v1.EventType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Seed 000 procedure 2: archive, count, flag 10% → 50% → 100% through promotions, flag removed 24h later. */
@RunbookTest(LessonUpdateWorkflowImpl.class)
class LessonMajorRolloutTest {
  private static final String FLAG = "lesson_v2_stock_basics_001";
  private final RunbookTestEnvironment rt;

  LessonMajorRolloutTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void promotedThroughBothGatesItBecomesCurrentAndTheFlagGoesOnlyAfterTwentyFourHours() {
    rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.startLessonUpdate();

    rt.awaitApprovalOf(LESSON_ID, "Flag 10%");
    assertThat(rt.lessons.flags()).containsEntry(FLAG, 10);
    assertThat(rt.lessons.current()).isEqualTo("1.1.0");
    rt.promote(LESSON_ID, "bob");
    rt.awaitApprovalOf(LESSON_ID, "Flag 50%");
    assertThat(rt.lessons.flags()).containsEntry(FLAG, 50);
    rt.promote(LESSON_ID, "alice");

    rt.awaitPhase(LESSON_ID, Phase.RETIRING_OLD);
    assertThat(rt.lessons.current()).isEqualTo("2.0.0");
    assertThat(rt.lessons.flags()).containsEntry(FLAG, 100);
    rt.sleep(Duration.ofHours(23));
    assertThat(rt.lessons.flags()).as("the flag is a kill switch for 24h").containsEntry(FLAG, 100);

    RunbookResult result = rt.result(LESSON_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("2.0.0 current for every learner; flag " + FLAG + " removed");
    assertThat(result.liveVersion()).isEqualTo("2.0.0");
    assertThat(rt.lessons.flags()).isEmpty();
    assertThat(rt.lessons.archived()).containsExactly("1.1.0");
    assertThat(rt.lessons.flagHistory()).containsExactly(10, 50, 100);
    assertThat(rt.lessons.calls()).containsExactly("resolveLessonPolicy", "check", "archive 1.1.0", "countLearners",
        "store 2.0.0", "setFlag 10", "setFlag 50", "setFlag 100", "makeCurrent 2.0.0", "notifyLearners 2.0.0", "removeFlag");
    assertThat(rt.watch.requests()).extracting(w -> w.windowSeconds() + "s@" + w.stableColour() + "/" + w.stableVersion())
        .containsExactly("3600s@1.1.0/1.1.0", "7200s@1.1.0/1.1.0");
    assertThat(rt.events(LESSON_ID, EventType.EVENT_TYPE_TIMER_STARTED)).anySatisfy(e ->
        assertThat(e.getTimerStartedEventAttributes().getStartToFireTimeout().getSeconds()).isEqualTo(86_400));
    assertThat(rt.status(LESSON_ID).steps()).extracting(StepView::name, StepView::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Validate, classify and render 01_understanding_stock_prices.yaml", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Archive 1.1.0", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Count learners per compatibility rule", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Store 2.0.0 behind flag " + FLAG, StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Flag 10% of new learners (watch 1h)", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Flag 50% of new learners (watch 2h)", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Flag 100% of new learners", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Make 2.0.0 current and tell learners", StepState.SUCCEEDED),
        org.assertj.core.groups.Tuple.tuple("Remove flag " + FLAG + " after 24h", StepState.SUCCEEDED));
    assertThat(rt.status(LESSON_ID).log()).anyMatch(e -> e.message().contains("7 in progress {MAJOR_UPDATE=7}"));
  }

  @Test
  void promoteFullSkipsTheFiftyPercentStepAfterTheFirstGate() {
    rt.lessons.serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.startLessonUpdate();
    rt.awaitApprovalOf(LESSON_ID, "Flag 10%");

    rt.promoteFull(LESSON_ID, "alice");

    assertThat(rt.result(LESSON_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.lessons.flagHistory()).containsExactly(10, 100);
  }

  @Test
  void withAutomaticGatesHealthyWindowsPromoteThemselves() {
    rt.lessons.use(LessonPolicies.autoGates()).serving("1.1.0").candidate("2.0.0", LessonChange.MAJOR);
    rt.startLessonUpdate();

    assertThat(rt.result(LESSON_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.lessons.flagHistory()).containsExactly(10, 50, 100);
  }
}

package dev.runbook.workflows.lessonupdate;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.LESSON_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.testing.LessonPolicies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.Series;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** First releases, patches and minors: current at once, notified per the matrix, watched, undone on a rule. */
@RunbookTest(LessonUpdateWorkflowImpl.class)
class LessonPublishNowTest {
  private final RunbookTestEnvironment rt;

  LessonPublishNowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void aPatchIsCurrentAtOnceWatchedForTenMinutesAndNotifiesNobody() {
    rt.lessons.serving("1.0.0").candidate("1.0.1", LessonChange.PATCH);
    rt.startLessonUpdate();

    RunbookResult result = rt.result(LESSON_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("1.0.1 is current, replacing 1.0.0");
    assertThat(result.service()).isEqualTo("stock_basics_001");
    assertThat(result.requestedVersion()).isEqualTo("1.0.1");
    assertThat(result.liveVersion()).isEqualTo("1.0.1");
    assertThat(rt.lessons.current()).isEqualTo("1.0.1");
    assertThat(rt.lessons.calls()).containsExactly("resolveLessonPolicy", "check", "store 1.0.1", "makeCurrent 1.0.1")
        .noneMatch(c -> c.startsWith("notifyLearners"));
    assertThat(rt.watch.requests()).singleElement().satisfies(w -> {
      assertThat(w.windowSeconds()).isEqualTo(600);
      assertThat(w.canaryVersion()).isEqualTo("1.0.1");
      assertThat(w.stableColour()).isNull(); // nothing else is served: relative rules do not apply
      assertThat(w.rules()).noneMatch(r -> r.relativeToStable());
    });
    assertThat(rt.searchAttribute(LESSON_ID, "RunbookVersion")).isEqualTo("1.0.1");
    assertThat(rt.searchAttribute(LESSON_ID, "RunbookProcedure")).isEqualTo("lesson-update");
    RunbookStatus status = rt.status(LESSON_ID);
    assertThat(status.log()).anyMatch(e -> e.message().equals("patch: learners are not notified"));
    assertThat(status.steps()).extracting(StepView::name).containsExactly(
        "Validate, classify and render 01_understanding_stock_prices.yaml", "Publish 1.0.1 as current", "Watch 1.0.1 (10m)");
  }

  @Test
  void aMinorShowsTheUpdatedBadgeToLearnersWhoStartedOrCompletedIt() {
    rt.lessons.serving("1.0.1").candidate("1.1.0", LessonChange.MINOR);
    rt.startLessonUpdate();

    RunbookResult result = rt.result(LESSON_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.lessons.calls()).containsSubsequence("makeCurrent 1.1.0", "notifyLearners 1.1.0");
    assertThat(rt.status(LESSON_ID).steps()).anySatisfy(s -> {
      assertThat(s.name()).isEqualTo("Notify learners (\"Updated\" badge)");
      assertThat(s.detail()).isEqualTo("notices {UPDATED_BADGE=12}");
    });
  }

  @Test
  void aFirstReleaseIsPublishedWithoutAnybodyToNotify() {
    rt.lessons.serving(null).candidate("1.0.0", LessonChange.FIRST_RELEASE);
    rt.startLessonUpdate();

    assertThat(rt.result(LESSON_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.lessons.current()).isEqualTo("1.0.0");
    assertThat(rt.lessons.calls()).noneMatch(c -> c.startsWith("notifyLearners"));
  }

  @Test
  void aPatchBreakingTheLessonIsRolledBackToThePreviousVersionAndWithdrawn() {
    rt.lessons.serving("1.0.0").candidate("1.0.1", LessonChange.PATCH);
    rt.watch.script("1.0.1", MetricKind.LESSON_ERROR_RATE_PERCENT, Series.stepUp(0.3, 3, 40));
    rt.startLessonUpdate();

    RunbookResult result = rt.result(LESSON_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).startsWith("lesson-errors:");
    assertThat(result.liveVersion()).isEqualTo("1.0.0");
    assertThat(rt.lessons.current()).isEqualTo("1.0.0");
    assertThat(rt.lessons.withdrawn()).containsExactly("1.0.1");
    assertThat(rt.lessons.calls()).containsSubsequence("makeCurrent 1.0.1", "makeCurrent 1.0.0", "withdraw 1.0.1");
    assertThat(rt.registry.reports()).hasSize(1);
  }

  @Test
  void republishingTheCurrentContentSucceedsAndChangesNothing() {
    rt.lessons.alreadyCurrent("2.0.0", LessonChange.MAJOR);
    rt.startLessonUpdate();

    RunbookResult result = rt.result(LESSON_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("2.0.0 is already current with this content; nothing to do");
    assertThat(rt.lessons.calls()).containsExactly("resolveLessonPolicy", "check");
  }

  @Test
  void aRefusedLessonFailsFastNonRetryablyAndNothingIsStored() {
    rt.lessons.serving("1.1.0").refuse("""
        01_understanding_stock_prices.yaml:3: version "1.0" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)
        01_understanding_stock_prices.yaml:40: quiz question 'q2': correct_answer "Apple" is not one of its options""",
        LessonStoreActivities.INVALID_LESSON);
    rt.startLessonUpdate();

    assertThatThrownBy(() -> rt.untyped(LESSON_ID).getResult(30, TimeUnit.SECONDS, RunbookResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("InvalidLesson");
          assertThat(f.getOriginalMessage()).contains("01_understanding_stock_prices.yaml:3: version \"1.0\"",
              "01_understanding_stock_prices.yaml:40: quiz question 'q2'");
        });
    assertThat(rt.lessons.calls()).containsExactly("resolveLessonPolicy", "check");
    assertThat(rt.lessons.current()).isEqualTo("1.1.0");
    assertThat(rt.status(LESSON_ID).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(rt.searchAttribute(LESSON_ID, "RunbookOutcome")).isEqualTo("REFUSED");
  }

  @Test
  void aRunUnderAnotherIdThanTheBusinessKeyIsRefusedBeforeAnythingHappens() {
    rt.lessons.serving("1.0.0").candidate("1.0.1", LessonChange.PATCH);
    var stub = rt.client.newWorkflowStub(LessonUpdateWorkflow.class, rt.options("my-lesson-run"));

    assertThatThrownBy(() -> stub.update(new dev.runbook.workflows.api.LessonUpdateRequest(
        "stock_basics_001", "x.yaml", "id: stock_basics_001", "production", "carol", null)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().hasMessageContaining("workflow id 'my-lesson-run' must be 'lesson:stock_basics_001:production'");
    assertThat(rt.lessons.calls()).isEmpty();
  }

  @Test
  void anUnknownEnvironmentFailsFastWithTheStoresMessage() {
    rt.lessons.use(LessonPolicies.production()).serving("1.0.0").candidate("1.0.1", LessonChange.PATCH);
    var stub = rt.client.newWorkflowStub(LessonUpdateWorkflow.class,
        rt.options(dev.runbook.workflows.api.Procedure.LESSON_UPDATE.workflowId("stock_basics_001", "prod")));

    assertThatThrownBy(() -> stub.update(new dev.runbook.workflows.api.LessonUpdateRequest(
        "stock_basics_001", "x.yaml", "id: stock_basics_001", "prod", "carol", null)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause().hasMessageContaining("unknown environment 'prod'");
    assertThat(rt.lessons.calls()).containsExactly("resolveLessonPolicy");
  }
}

package dev.runbook.workflows.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.contract.LowTrafficWindow;
import dev.runbook.workflows.testing.RecordingRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window wait on the time-skipping server: workflow time starts where each case needs it. */
class WindowWaitTest {
  private static final String QUEUE = "window-wait-test";
  private static final LowTrafficWindow SEED = LowTrafficWindow.DEFAULT; // 02:00-04:00 UTC, 10 min margin
  private static final long TWENTY_MIN = 1200;

  private final RecordingRegistry registry = new RecordingRegistry();
  private TestWorkflowEnvironment env;

  private WindowWorkflow startAt(String instant) {
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
        .setInitialTime(Instant.parse(instant)).build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(WindowWorkflow.Impl.class);
    worker.registerActivitiesImplementations(registry);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(WindowWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("schema-migration:production").build());
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void beforeTheWindowItWaitsOnATimerShowingWhenItOpens() {
    WindowWorkflow run = startAt("2026-12-07T22:25:00Z");
    WorkflowClient.start(run::waitForWindow, SEED, TWENTY_MIN, false);
    env.sleep(Duration.ofMinutes(5));

    RunbookStatus status = run.status();
    assertThat(status.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(status.waitingFor()).isEqualTo("low-traffic window (waiting for the low-traffic window 02:00-04:00 UTC:"
        + " opens 2026-12-08 02:00 UTC (3h35m from now)) or proceed-now of step 1 (low-traffic window)");
    assertThat(status.allowedApprovers()).containsExactly("alice", "bob");
    assertThat(result(run)).matches("window at 2026-12-08T02:00:0[0-2].*Z"); // the test clock runs on a little
  }

  @Test
  void insideTheWindowWithRoomItStartsAtOnce() {
    WindowWorkflow run = startAt("2026-12-08T02:30:00Z");
    assertThat(run.waitForWindow(SEED, TWENTY_MIN, false)).startsWith("window at 2026-12-08T02:30:");
  }

  @Test
  void tooLateToFitItWaitsForTomorrowsWindow() {
    WindowWorkflow run = startAt("2026-12-08T03:45:00Z");
    assertThat(run.waitForWindow(SEED, TWENTY_MIN, false)).matches("window at 2026-12-09T02:00:0[0-2].*Z");
  }

  @Test
  void afterTheWindowItWaitsForTheNextDay() {
    WindowWorkflow run = startAt("2026-12-08T09:00:00Z");
    assertThat(run.waitForWindow(new LowTrafficWindow("01:00", "05:00", 0L), 3 * 3600, false))
        .matches("window at 2026-12-09T01:00:0[0-2].*Z");
  }

  @Test
  void proceedNowFromAnotherApproverEndsTheWaitAndTheRequesterOrAStrangerCannot() {
    WindowWorkflow run = startAt("2026-12-07T22:25:00Z");
    WorkflowClient.start(run::waitForWindow, SEED, TWENTY_MIN, false);
    env.sleep(Duration.ofMinutes(10));
    run.promote(new PromoteRequest("alice", false, null, "my own change"));
    run.promote(new PromoteRequest("mallory", false, null, null));
    run.promote(new PromoteRequest("bob", false, null, "maintenance announced"));

    assertThat(result(run)).startsWith("proceed-now by bob at 2026-12-07T22:35:");
    List<ApprovalRecord> audit = registry.approvals();
    assertThat(audit).extracting(ApprovalRecord::approver, ApprovalRecord::accepted)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", false),
            org.assertj.core.groups.Tuple.tuple("mallory", false), org.assertj.core.groups.Tuple.tuple("bob", true));
    assertThat(audit.get(0).reason()).contains("requested this run and cannot approve it");
    assertThat(audit.get(1).reason()).contains("may not approve in production");
  }

  @Test
  void proceedNowAsAnUpdateAnswersTheCliAndARefusedOneNeverEntersHistory() {
    WindowWorkflow run = startAt("2026-12-07T22:25:00Z");
    WorkflowClient.start(run::waitForWindow, SEED, TWENTY_MIN, false);
    env.sleep(Duration.ofMinutes(1));
    io.temporal.client.WorkflowStub stub = io.temporal.client.WorkflowStub.fromTyped(run);

    io.temporal.client.WorkflowUpdateException refused = catchThrowableOfType(
        io.temporal.client.WorkflowUpdateException.class,
        () -> stub.update("promote", ApprovalRecord.class, new PromoteRequest("alice", false, null, null)));
    assertThat(refused.getCause().getMessage()).contains("requested this run and cannot approve it");
    ApprovalRecord accepted = stub.update("promote", ApprovalRecord.class, new PromoteRequest("bob", false, null, null));

    assertThat(accepted.accepted()).isTrue();
    assertThat(accepted.step()).isEqualTo(1);
    assertThat(result(run)).startsWith("proceed-now by bob at 2026-12-07T22:26:");
  }

  @Test
  void startedWithNowItDoesNotWait() {
    WindowWorkflow run = startAt("2026-12-07T22:25:00Z");
    assertThat(run.waitForWindow(SEED, TWENTY_MIN, true)).startsWith("proceed-now by alice at 2026-12-07T22:25:");
  }

  @Test
  void workLongerThanTheWindowFailsNonRetryably() {
    WindowWorkflow run = startAt("2026-12-07T22:25:00Z");
    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
        () -> run.waitForWindow(SEED, 3 * 3600, false));
    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(WindowWait.WINDOW_TOO_SHORT);
    assertThat(cause.getOriginalMessage()).isEqualTo("the estimate 3h plus the margin 10m is longer than the window"
        + " 02:00-04:00 UTC");
  }

  private static String result(WindowWorkflow run) {
    return io.temporal.client.WorkflowStub.fromTyped(run).getResult(String.class);
  }
}

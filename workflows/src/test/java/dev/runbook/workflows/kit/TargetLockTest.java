package dev.runbook.workflows.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.testing.FakeRunControl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kit's target lock in a tiny workflow, against a scripted lock store. */
class TargetLockTest {
  private static final String QUEUE = "target-lock-test";
  private static final String API_LOCAL = TargetPaths.service("local", "learning-api");
  /** 2025-11-21 10:02:11 UTC. */
  private static final long SINCE = Instant.parse("2025-11-21T10:02:11Z").toEpochMilli();
  private static final String HOLDER_RUN = "3f2c1a9b-0d4e-4c1f-9a7e-5b8c2d6e7f10";

  private final FakeTargetLocks locks = new FakeTargetLocks();
  private final FakeRunControl control = new FakeRunControl();
  private TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(LockedWorkflow.Impl.class);
    worker.registerActivitiesImplementations(locks, control);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private String run(String workflowId, boolean preempt) {
    LockedWorkflow workflow = env.getWorkflowClient().newWorkflowStub(LockedWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    return workflow.change(preempt);
  }

  private static LockGrant heldByCodeDeploy(boolean preemptible) {
    return LockGrant.refusal(API_LOCAL, new LockHolder("deploy:learning-api:local", HOLDER_RUN, "code-deploy", "alice",
        SINCE, preemptible, API_LOCAL));
  }

  @Test
  void aHeldTargetFailsTheRunNonRetryablyNamingTheHolder() {
    locks.answer(heldByCodeDeploy(false));

    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class, () -> run("free-id-1", false));

    ApplicationFailure failure = (ApplicationFailure) failed.getCause();
    assertThat(failure.getType()).isEqualTo(TargetLock.TARGET_LOCKED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("learning-api in local is held by deploy:learning-api:local"
        + " run 3f2c1a9b… (code-deploy, requested by alice, since 2025-11-21 10:02:11 UTC);"
        + " start again when it has finished");
    assertThat(failure.getDetails().get(LockGrant.class).holder().runId()).isEqualTo(HOLDER_RUN);
    // nothing moved; the release after a refusal is harmless and covers a lost grant
    assertThat(locks.calls()).containsExactly("acquire refused", "release free-id-1");
  }

  @Test
  void aGrantedRunDeclaresItsPhasesAndReleasesAtTheEnd() {
    assertThat(run("free-id-2", false)).isEqualTo("changed");

    assertThat(locks.calls()).containsExactly("acquire granted", "preemptible false", "release free-id-2");
    LockRequest request = locks.requests.get(0);
    assertThat(request.targets()).containsExactly(API_LOCAL);
    assertThat(request.holderWorkflowId()).isEqualTo("free-id-2");
    assertThat(request.holderRunId()).isNotBlank();
    assertThat(request.procedure()).isEqualTo("code-deploy");
    assertThat(request.requestedBy()).isEqualTo("carol");
    assertThat(request.parentWorkflowId()).isNull();
    assertThat(request.preemptible()).isTrue();
  }

  @Test
  void aPreemptingRunAbortsAPreemptibleHolderThenTakesTheTarget() {
    locks.answer(heldByCodeDeploy(true));
    control.running("deploy:learning-api:local", "ABORTED");

    assertThat(run("emergency:learning-api:local", true)).isEqualTo("changed");

    assertThat(control.calls()).containsExactly(
        new FakeRunControl.AbortCall("deploy:learning-api:local", "carol", "emergency fix"));
    assertThat(locks.calls()).as("it took the target as not pre-emptible, so declaring that again asks nothing")
        .containsExactly("acquire refused", "acquire granted", "release emergency:learning-api:local");
  }

  @Test
  void aHolderInAPhaseThatMayNotBePreemptedIsLeftAlone() {
    locks.answer(heldByCodeDeploy(false));

    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
        () -> run("emergency:learning-api:local", true));

    ApplicationFailure failure = (ApplicationFailure) failed.getCause();
    assertThat(failure.getType()).isEqualTo(TargetLock.TARGET_LOCKED);
    assertThat(failure.getOriginalMessage()).contains("held by deploy:learning-api:local")
        .contains("; it may not be pre-empted in its current phase; start again when it has finished");
    assertThat(control.calls()).isEmpty();
  }

  @Test
  void aHolderOfAProcedureThisRunDoesNotPreemptIsLeftAlone() {
    LockGrant heldByRollback = LockGrant.refusal(API_LOCAL, new LockHolder("rollback:learning-api:local", HOLDER_RUN,
        "rollback", "bob", SINCE, true, API_LOCAL));
    locks.answer(heldByRollback);

    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
        () -> run("emergency:learning-api:local", true));

    assertThat(((ApplicationFailure) failed.getCause()).getOriginalMessage())
        .contains("emergency-deploy does not pre-empt rollback");
    assertThat(control.calls()).isEmpty();
  }

  @Test
  void theMessageShowsOnlyTheTimeForALockTakenToday() {
    LockGrant db = LockGrant.refusal(API_LOCAL, new LockHolder("restore-7", HOLDER_RUN, "schema-migration", null,
        SINCE, false, TargetPaths.database("local", TargetPaths.PLATFORM_DB)));
    assertThat(TargetLock.message(db, "", SINCE + 3_600_000)).isEqualTo("learning-api in local is held by restore-7"
        + " run 3f2c1a9b… (schema-migration of database platform in local, requested by unknown, since 10:02:11 UTC);"
        + " start again when it has finished");
  }

  @Test
  void pathsConflictByWholeSegments() {
    assertThat(TargetPaths.conflict(TargetPaths.database("local", "platform"), API_LOCAL)).isTrue();
    assertThat(TargetPaths.conflict(API_LOCAL, TargetPaths.database("local", "platform"))).isTrue();
    assertThat(TargetPaths.conflict(API_LOCAL, TargetPaths.service("local", "learning-api-v2"))).isFalse();
    assertThat(TargetPaths.conflict(API_LOCAL, TargetPaths.service("production", "learning-api"))).isFalse();
    assertThat(TargetPaths.describe(TargetPaths.lesson("local", "stock_basics_001"))).isEqualTo("lesson stock_basics_001 in local");
    assertThat(List.of(API_LOCAL, TargetPaths.platform("fly"))).allMatch(TargetPaths::isValid);
    assertThat(TargetPaths.isValid("env//db")).isFalse();
  }
}

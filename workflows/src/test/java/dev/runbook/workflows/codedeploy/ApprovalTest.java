package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.WorkflowTaskHold;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowUpdateException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Who may promote and when, through both doors: the update (the CLI; a rejection is an exception
 * with the reason and never enters history) and the signal (the Temporal UI; a rejection is kept
 * in the status and the audit trail with accepted=false). Same rules, same messages.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class ApprovalTest {
  private static final String OTHER_RUN = "deploy:search-api:production";

  private final RunbookTestEnvironment rt;

  ApprovalTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void eachWrongPromoteIsRefusedWithItsReasonByUpdateAndBySignal() {
    // alice asked for this run; in production she may not approve it herself
    rt.startCodeDeploy(new CodeDeployRequest(SERVICE, ENV, "v1.6.0", "alice", "ci-43"));
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    RunbookControl run = rt.control(DEPLOY_ID);
    List<Object[]> cases = List.of(
        new Object[] {new PromoteRequest("mallory", null, null, null), "mallory may not approve in production; allowed: alice, bob"},
        new Object[] {new PromoteRequest("alice", null, null, null), "alice requested this run and cannot approve it in production"},
        new Object[] {new PromoteRequest("bob", null, OTHER_RUN, null),
            "this promote is for " + OTHER_RUN + " but this run is " + DEPLOY_ID},
        new Object[] {new PromoteRequest(null, null, null, null), "promote needs an approver identity"},
        new Object[] {new PromoteRequest("bob; rm -rf /", null, null, null), "is not an identity"});

    for (Object[] c : cases) {
      PromoteRequest request = (PromoteRequest) c[0];
      assertThat(updateRefusal(() -> run.promoteUpdate(request))).as("update from %s", request.approver())
          .contains((String) c[1]);
    }
    RunbookStatus afterUpdates = rt.status(DEPLOY_ID);
    assertThat(afterUpdates.approvals()).as("rejected updates leave no trace").isEmpty();
    assertThat(rt.events(DEPLOY_ID, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)).isEmpty();

    for (Object[] c : cases) {
      run.promote((PromoteRequest) c[0]);
    }
    RunbookStatus afterSignals = rt.awaitStatus(DEPLOY_ID, "5 rejections recorded", s -> s.approvals().size() == 5);
    assertThat(afterSignals.approvals()).allSatisfy(a -> {
      assertThat(a.accepted()).isFalse();
      assertThat(a.action()).isEqualTo("promote");
      assertThat(a.step()).isEqualTo(3);
    });
    for (int i = 0; i < cases.size(); i++) {
      assertThat(afterSignals.approvals().get(i).reason()).contains((String) cases.get(i)[1]);
    }
    assertThat(afterSignals.phase()).isEqualTo(dev.runbook.workflows.api.Phase.AWAITING_APPROVAL);

    // bob may: the update answers with the accepted approval
    ApprovalRecord accepted = run.promoteUpdate(new PromoteRequest("bob", null, DEPLOY_ID, "looks good"));
    assertThat(accepted.accepted()).isTrue();
    assertThat(accepted.approver()).isEqualTo("bob");
    assertThat(accepted.step()).isEqualTo(3);
    assertThat(accepted.reason()).isEqualTo("looks good");

    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.promote(DEPLOY_ID, "bob");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    // the audit trail has the five refused signals and both accepted promotions, in order
    assertThat(rt.registry.approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::accepted).containsExactly(
        tuple("mallory", false), tuple("alice", false), tuple("bob", false), tuple(null, false),
        tuple("bob; rm -rf /", false), tuple("bob", true), tuple("bob", true));
    assertThat(rt.registry.approvalRows()).allSatisfy(row -> assertThat(row.workflowId()).isEqualTo(DEPLOY_ID));
  }

  @Test
  void aPromoteWhileTheRunIsNotWaitingIsRefused() {
    FakePlatform.Hold deploy = rt.platform.hold("deployRelease");
    rt.startCodeDeploy("v1.6.0");
    deploy.awaitEntered();
    rt.awaitSettled(DEPLOY_ID, "DeployRelease");
    RunbookControl run = rt.control(DEPLOY_ID);

    assertThat(updateRefusal(() -> run.promoteUpdate(new PromoteRequest("bob", null, null, null))))
        .contains("run is not waiting for approval (phase DEPLOYING)");
    run.promote(new PromoteRequest("bob", null, null, null));
    RunbookStatus status = rt.awaitStatus(DEPLOY_ID, "rejection recorded", s -> !s.approvals().isEmpty());
    assertThat(status.approvals()).singleElement().satisfies(a -> {
      assertThat(a.accepted()).isFalse();
      assertThat(a.reason()).contains("run is not waiting for approval (phase DEPLOYING)");
    });

    deploy.release();
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    rt.abort(DEPLOY_ID, "bob", "done testing");
    rt.result(DEPLOY_ID);
  }

  @Test
  void aSecondPromoteOfTheSameGateIsADuplicateBySignal() {
    rt.deliverTogether((name, args) -> name.equals(WorkflowTaskHold.AWAIT),
        () -> rt.startCodeDeploy("v1.6.0"),
        () -> {
          rt.promote(DEPLOY_ID, "bob");
          rt.promote(DEPLOY_ID, "alice");
        });

    RunbookStatus status = rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");

    assertThat(status.approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::accepted)
        .containsExactly(tuple("bob", true), tuple("alice", false));
    assertThat(status.approvals().get(1).reason()).isEqualTo("step 3 (Canary 10% (watch 30m)) was already promoted by bob");
    assertThat(rt.platform.mutatingCalls()).containsOnlyOnce("shiftTraffic green 50");
    rt.abort(DEPLOY_ID, "bob", "done testing");
    rt.result(DEPLOY_ID);
  }

  @Test
  void aSecondPromoteOfTheSameGateIsADuplicateByUpdate() throws Exception {
    CompletableFuture<ApprovalRecord>[] update = new CompletableFuture[1];
    Thread[] updater = new Thread[1];
    rt.deliverTogether((name, args) -> name.equals(WorkflowTaskHold.AWAIT),
        () -> rt.startCodeDeploy("v1.6.0"),
        () -> {
          rt.promote(DEPLOY_ID, "bob");
          update[0] = new CompletableFuture<>();
          updater[0] = new Thread(() -> {
            try {
              update[0].complete(rt.control(DEPLOY_ID).promoteUpdate(new PromoteRequest("alice", null, null, null)));
            } catch (RuntimeException e) {
              update[0].completeExceptionally(e);
            }
          });
          updater[0].start();
          awaitServerHolds(updater[0]);
        });

    Throwable refused = catchThrowable(() -> update[0].get(20, TimeUnit.SECONDS));

    assertThat(refused).hasCauseInstanceOf(WorkflowUpdateException.class);
    assertThat(rootMessage(refused)).contains("step 3 (Canary 10% (watch 30m)) was already promoted by bob");
    RunbookStatus status = rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    assertThat(status.approvals()).extracting(ApprovalRecord::approver).containsExactly("bob");
    rt.abort(DEPLOY_ID, "bob", "done testing");
    rt.result(DEPLOY_ID);
  }

  @Test
  void abortIsCheckedTheSameWayAndTheUpdateAnswersWithTheRecord() {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    RunbookControl run = rt.control(DEPLOY_ID);

    assertThat(updateRefusal(() -> run.abortUpdate(new AbortRequest("bob", " ", null))))
        .contains("abort needs a reason");
    assertThat(updateRefusal(() -> run.abortUpdate(new AbortRequest("mallory", "why not", null))))
        .contains("mallory may not abort in production; allowed: requester carol or alice, bob");
    assertThat(updateRefusal(() -> run.abortUpdate(new AbortRequest("bob", "wrong one", OTHER_RUN))))
        .contains("this abort is for " + OTHER_RUN);
    run.abort(new AbortRequest("mallory", "why not", null));
    rt.awaitStatus(DEPLOY_ID, "abort refusal recorded", s -> !s.approvals().isEmpty());

    ApprovalRecord abort = run.abortUpdate(new AbortRequest("carol", "requester changed her mind", DEPLOY_ID));

    assertThat(abort.accepted()).isTrue();
    assertThat(abort.action()).isEqualTo("abort");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.registry.approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::accepted)
        .containsExactly(tuple("mallory", false), tuple("carol", true));
  }

  /**
   * Waits until the in-process test server has taken the update request and parks waiting for the
   * workflow to accept it (its handler thread waits inside the test service's update code).
   */
  private static void awaitServerHolds(Thread updater) {
    long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < giveUpAt) {
      for (var entry : Thread.getAllStackTraces().entrySet()) {
        Thread.State state = entry.getKey().getState();
        boolean parked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        if (parked && java.util.Arrays.stream(entry.getValue()).anyMatch(f ->
            f.getClassName().startsWith("io.temporal.internal.testservice") && f.getMethodName().equals("waitForUpdateResponse"))) {
          return;
        }
      }
      RunbookTestEnvironment.sleepQuietly(5);
    }
    throw new AssertionError("the update never reached the test server: " + updater.getState());
  }

  private static String updateRefusal(Runnable update) {
    Throwable t = catchThrowable(update::run);
    assertThat(t).isInstanceOf(WorkflowUpdateException.class);
    return rootMessage(t);
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}

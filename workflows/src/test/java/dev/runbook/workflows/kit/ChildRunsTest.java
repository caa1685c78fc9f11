package dev.runbook.workflows.kit;

import static dev.runbook.workflows.kit.ParentTestWorkflowImpl.PARENT_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ENV;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.REQUESTER;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.ChildRunView;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.Test;

/** Child runs: shown in the parent's status, promoted through the parent, compensated in reverse. */
@RunbookTest({ParentTestWorkflowImpl.class, CodeDeployWorkflowImpl.class})
class ChildRunsTest {
  private final RunbookTestEnvironment rt;

  ChildRunsTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  private void startParent(String requestId) {
    ParentTestWorkflow parent = rt.client.newWorkflowStub(ParentTestWorkflow.class, rt.options(PARENT_ID));
    WorkflowClient.start(parent::run, new CodeDeployRequest(SERVICE, ENV, "v1.6.0", REQUESTER, requestId));
  }

  private RunbookStatus awaitChildWaiting(String stepName) {
    rt.awaitStatus(PARENT_ID, "child started", s -> s.children() != null && !s.children().isEmpty());
    rt.awaitApprovalOf(DEPLOY_ID, stepName);
    return rt.awaitStatus(PARENT_ID, "child waits at " + stepName, s -> s.children() != null
        && s.children().stream().anyMatch(c -> c.phase() == Phase.AWAITING_APPROVAL
            && c.waitingFor() != null && c.waitingFor().contains(stepName)));
  }

  @Test
  void theParentShowsItsChildAndForwardsPromotesToTheChildThatWaits() {
    startParent(null);

    RunbookStatus parent = awaitChildWaiting("Canary 10%");
    RunbookStatus child = rt.status(DEPLOY_ID);

    assertThat(parent.children()).extracting(ChildRunView::workflowId, ChildRunView::procedure, ChildRunView::waitingFor)
        .containsExactly(tuple(DEPLOY_ID, "code-deploy", "promote of step 3 (Canary 10% (watch 30m))"));
    // one numbering: the step the child waits at is step 3 everywhere
    assertThat(child.currentStep()).isEqualTo(3);
    assertThat(child.steps().get(child.currentStep() - 1).name()).isEqualTo("Canary 10% (watch 30m)");

    rt.promote(PARENT_ID, "bob");
    awaitChildWaiting("Canary 50%");
    rt.promote(PARENT_ID, "alice");
    RunbookResult result = rt.result(PARENT_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(DEPLOY_ID).approvals()).extracting(ApprovalRecord::approver, ApprovalRecord::step)
        .containsExactly(tuple("bob", 3), tuple("alice", 4));
    assertThat(rt.status(PARENT_ID).children()).singleElement()
        .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.SUCCEEDED));
    assertThat(rt.platform.liveColour()).isEqualTo("green");
  }

  @Test
  void anAbortOfTheParentAbortsTheRunningChildAndWaitsForItsRollback() {
    startParent(null);
    awaitChildWaiting("Canary 10%");

    rt.abort(PARENT_ID, "bob", "wrong day");
    RunbookResult result = rt.result(PARENT_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    RunbookResult child = rt.result(DEPLOY_ID);
    assertThat(child.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(child.reason()).isEqualTo("aborted by bob: parent " + PARENT_ID + " rolls back: wrong day");
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.RETIRED);
    assertThat(rt.status(PARENT_ID).log()).extracting(l -> l.message())
        .containsSubsequence("child " + DEPLOY_ID + " ended ABORTED", "undone: child " + DEPLOY_ID);
  }

  @Test
  void aFinishedChildIsUndoneByTheCallbackItsCallerRegistered() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    startParent(ParentTestWorkflow.FAIL_AFTER_CHILD);

    RunbookResult result = rt.result(PARENT_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(PARENT_ID).log()).extracting(l -> l.message()).containsSubsequence(
        "child " + DEPLOY_ID + " ended SUCCEEDED", "undo of finished child " + DEPLOY_ID + " called",
        "undone: child " + DEPLOY_ID);
  }
}

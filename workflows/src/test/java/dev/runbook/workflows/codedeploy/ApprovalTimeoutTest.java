package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.GateNotice;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a manual gate does when nobody promotes: production holds and reminds; the variant rolls back. */
@RunbookTest(CodeDeployWorkflowImpl.class)
class ApprovalTimeoutTest {
  private final RunbookTestEnvironment rt;

  ApprovalTimeoutTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void holdAndRemindKeepsTrafficWhereItIsAndRemindsEveryHalfHourAfterTheTimeout() throws Exception {
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    rt.sleep(Duration.ofMinutes(59));
    rt.awaitSettled(DEPLOY_ID);
    assertThat(reminders()).isEmpty();

    rt.sleep(Duration.ofMinutes(66)); // 2h05m at the gate: reminders at 1h, 1h30, 2h
    rt.awaitSettled(DEPLOY_ID);
    // what the RunbookApprovalOverdue alert reads: found overdue at 1h, 1h30 and 2h
    assertThat(rt.metrics.awaitCounter("runbook_approvals_overdue",
        java.util.Map.of("procedure", "code-deploy", "environment", "production"), 3)).isEqualTo(3);
    assertThat(reminders()).hasSize(3).allSatisfy(n -> {
      assertThat(n.severity()).isEqualTo(Severity.WARNING);
      assertThat(n.body()).contains("Canary 10%").contains("Allowed: alice, bob");
    });
    assertThat(reminders()).extracting(Notification::body)
        .anySatisfy(b -> assertThat(b).contains("waiting 1h for"))
        .anySatisfy(b -> assertThat(b).contains("waiting 2h for"));
    // each message names its gate and is its own event, so receivers drop repeats, not reminders
    assertThat(reminders()).extracting(Notification::event).containsExactly("awaiting-promote:step-3:reminder-1",
        "awaiting-promote:step-3:reminder-2", "awaiting-promote:step-3:reminder-3");
    Notification asked = rt.notifier.withTitleContaining("waits for approval").get(0);
    assertThat(asked.event()).isEqualTo("awaiting-promote:step-3");
    assertThat(asked.gate()).isEqualTo(new GateNotice(3, "Canary 10% (watch 30m)", "promote", List.of("alice", "bob")));
    assertThat(reminders()).allSatisfy(n -> assertThat(n.gate()).isEqualTo(asked.gate()));
    RunbookStatus holding = rt.status(DEPLOY_ID);
    assertThat(holding.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(holding.weights()).containsEntry("green", 10);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10");

    rt.promote(DEPLOY_ID, "bob");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.promote(DEPLOY_ID, "alice");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void theRollbackVariantRollsBackWhenNobodyPromotesInTime() {
    rt.policies.use(Policies.rollbackOnApprovalTimeout(Policies.production()));
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).isEqualTo("nobody promoted step 3 (Canary 10% (watch 30m)) within 1h");
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic blue 100", "retireSlot green");
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(reminders()).isEmpty();
    assertThat(rt.registry.onlyReport().reason()).contains("nobody promoted");
    assertThat(rt.status(DEPLOY_ID).steps()).extracting(StepView::name, StepView::state)
        .contains(tuple("Roll back (approval-timeout)", StepState.ROLLED_BACK));
    long waitedMillis = rt.status(DEPLOY_ID).updatedAtMillis() - rt.status(DEPLOY_ID).startedAtMillis();
    assertThat(Duration.ofMillis(waitedMillis)).isGreaterThanOrEqualTo(Duration.ofHours(1));
  }

  private List<Notification> reminders() {
    return rt.notifier.withTitleContaining("reminder");
  }
}

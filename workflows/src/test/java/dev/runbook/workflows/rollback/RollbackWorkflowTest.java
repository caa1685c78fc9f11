package dev.runbook.workflows.rollback;

import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.EMERGENCY_ID;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.ROLLBACK_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.FakeRunControl;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Manual rollback after v1.6.0 went live on green (blue still holds v1.5.0 as standby): to the
 * standby colour or to a named version, only traffic and releases move, an incident report is
 * written, and a target that fails its checks after the switch ends FAILED and pages.
 */
@RunbookTest(RollbackWorkflowImpl.class)
class RollbackWorkflowTest {
  /** Everything a rollback may do: no database, no retiring the colour it moves away from. */
  private static final Set<String> ALLOWED_ACTIVITIES = Set.of("ResolvePolicy", "RecordRunStarted", "CheckRelease", "Acquire", "SetPreemptible", "Release", "AbortRunAndWait",
      "DescribeService", "DeployRelease", "SmokeTest", "ShiftTraffic", "MarkLive", "RecordApproval", "RecordSlots",
      "RecordRunFinished", "WriteIncidentReport", "Notify");

  private final RunbookTestEnvironment rt;

  RollbackWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  @BeforeEach
  void afterTheCutoverToV160() {
    rt.platform.reset("green", "v1.6.0", "blue", "v1.5.0");
  }


  @Test
  void rollsBackToTheStandbyColour() {
    rt.startRollback(null, "High error rate on v1.6.0");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.liveVersion()).isEqualTo("v1.5.0");
    assertThat(result.liveColour()).isEqualTo("blue");
    assertThat(rt.runControl.calls()).as("nothing held the target, so nothing was pre-empted").isEmpty();
    assertThat(rt.status(ROLLBACK_ID).steps().get(0).detail()).isEqualTo("no deploy running");
    assertThat(rt.locks.holders()).as("released at the end").isEmpty();
    assertThat(rt.platform.mutatingCalls()).containsExactly("shiftTraffic blue 100", "markLive blue", "smokeTest blue");
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.platform.slot("green").version()).as("the newer release stays up as standby").isEqualTo("v1.6.0");
    assertThat(rt.platform.slot("green").role()).isEqualTo(SlotRole.STANDBY);
    assertOnlyTrafficAndReleasesMoved();

    IncidentReport report = rt.registry.onlyReport();
    assertThat(result.incidentReportId()).isNotNull();
    assertThat(rt.registry.reports()).containsKey(result.incidentReportId());
    assertThat(report.trigger()).isEqualTo("manual rollback");
    assertThat(report.reason()).isEqualTo("High error rate on v1.6.0");
    assertThat(report.run().procedure()).isEqualTo("rollback");
    assertThat(report.fromVersion()).isEqualTo("v1.6.0");
    assertThat(report.toVersion()).isEqualTo("v1.5.0");
    assertThat(report.run().requestedBy()).isEqualTo("carol");
    assertThat(rt.searchAttribute(ROLLBACK_ID, "RunbookVersion")).isEqualTo("standby");
    assertThat(rt.searchAttribute(ROLLBACK_ID, "RunbookOutcome")).isEqualTo("SUCCEEDED");
  }

  @Test
  void rollsBackToANamedVersionThatIsOnNoSlotByDeployingItFirst() {
    rt.startRollback("v1.4.0", "v1.5.0 has the same bug");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease blue v1.4.0", "smokeTest blue",
        "shiftTraffic blue 100", "markLive blue", "smokeTest blue");
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.4.0");
    assertThat(rt.platform.slot("green").version()).isEqualTo("v1.6.0");
    assertOnlyTrafficAndReleasesMoved();
    assertThat(rt.registry.onlyReport().fromVersion()).isEqualTo("v1.6.0");
    assertThat(rt.registry.onlyReport().toVersion()).isEqualTo("v1.4.0");
  }

  @Test
  void aNamedVersionOnTheStandbyColourIsNotRedeployed() {
    rt.startRollback("v1.5.0", "High error rate on v1.6.0");

    assertThat(rt.result(ROLLBACK_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("shiftTraffic blue 100", "markLive blue", "smokeTest blue");
  }

  @Test
  void aNamedVersionThatIsAlreadyLiveChangesNothing() {
    rt.startRollback("v1.6.0", "mistake");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("already live");
    assertThat(rt.platform.mutatingCalls()).isEmpty();
  }

  @Test
  void aTargetThatFailsItsChecksAfterTheSwitchEndsFailedAndPages() {
    rt.platform.failSmokeTestsOf("v1.5.0");
    rt.startRollback(null, "High error rate on v1.6.0");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).startsWith("rollback verification failed: smoke test of blue failed");
    assertThat(rt.notifier.ofSeverity(Severity.PAGE)).singleElement()
        .satisfies(n -> assertThat(n.title()).contains("needs a person"));
    // nothing is undone automatically: v1.5.0 keeps the traffic and a person decides
    assertThat(rt.platform.mutatingCalls()).containsExactly("shiftTraffic blue 100", "markLive blue", "smokeTest blue");
    assertThat(rt.searchAttribute(ROLLBACK_ID, "RunbookOutcome")).isEqualTo("FAILED");
    assertOnlyTrafficAndReleasesMoved();
  }

  @Test
  void aNamedTargetThatFailsItsSmokeTestBeforeTheSwitchFailsAndLeavesTrafficAlone() {
    rt.platform.failSmokeTestsOf("v1.4.0");
    rt.startRollback("v1.4.0", "v1.5.0 has the same bug");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).as("a rollback that did not happen is a failure, not ROLLED_BACK")
        .isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).contains("rollback target v1.4.0 failed its smoke test, traffic stays on v1.6.0");
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease blue v1.4.0", "smokeTest blue",
        "retireSlot blue");
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.6.0");
    assertThat(rt.platform.weight("green")).isEqualTo(100);
    assertThat(rt.notifier.ofSeverity(Severity.PAGE)).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("traffic stays on v1.6.0"));
    assertThat(rt.notifier.withTitleContaining("rolled back")).isEmpty();
  }

  @Test
  void anAbortAfterTheSwitchIsRefusedBecauseItCouldUndoNothing() {
    FakePlatform.Hold verify = rt.platform.hold("smokeTest");
    rt.startRollback(null, "High error rate on v1.6.0");
    verify.awaitEntered();
    rt.awaitSettled(ROLLBACK_ID, "SmokeTest");

    rt.abort(ROLLBACK_ID, "carol", "changed my mind");
    rt.awaitStatus(ROLLBACK_ID, "refusal recorded", s -> !s.approvals().isEmpty());
    verify.release();

    assertThat(rt.result(ROLLBACK_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.status(ROLLBACK_ID).approvals()).singleElement().satisfies(a -> {
      assertThat(a.accepted()).isFalse();
      assertThat(a.reason()).isEqualTo("too late to abort: v1.5.0 already serves all traffic on blue; "
          + "start a code deploy or another rollback to move it");
    });
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.5.0");
  }

  @Test
  void anAbortBeforeTheSwitchLeavesTrafficWhereItWas() {
    FakePlatform.Hold deploy = rt.platform.hold("deployRelease");
    rt.startRollback("v1.4.0", "v1.5.0 has the same bug");
    deploy.awaitEntered();
    rt.awaitSettled(ROLLBACK_ID, "DeployRelease");

    rt.abort(ROLLBACK_ID, "carol", "wrong target");
    rt.awaitStatus(ROLLBACK_ID, "abort recorded", s -> !s.approvals().isEmpty());
    deploy.release();

    RunbookResult result = rt.result(ROLLBACK_ID);
    assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease blue v1.4.0", "retireSlot blue");
    assertThat(rt.platform.liveVersion()).isEqualTo("v1.6.0");
    assertThat(rt.platform.weight("green")).isEqualTo(100);
  }

  @Test
  void withoutAStandbyReleaseItFailsWithAnActionableMessage() {
    rt.platform.reset("blue", "v1.5.0", "green", null);
    rt.startRollback(null, "High error rate");

    RunbookResult result = rt.result(ROLLBACK_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).contains("no standby release to roll back to").contains("--to-version");
    assertThat(rt.platform.mutatingCalls()).isEmpty();
  }

  private void assertOnlyTrafficAndReleasesMoved() {
    assertThat(rt.activityTypes(ROLLBACK_ID)).isSubsetOf(ALLOWED_ACTIVITIES).doesNotContain("RetireSlot");
  }
}

package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.contract.MetricKind.COMPLAINTS;
import static dev.runbook.workflows.contract.MetricKind.ERROR_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.HEALTH_CHECK_FAILURES;
import static dev.runbook.workflows.contract.MetricKind.LATENCY_P95_MS;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.contract.SlotRole;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.ScriptedWatch;
import dev.runbook.workflows.testing.Series;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Automatic rollback on each production rule, on a failed smoke test, and on a failed deploy. */
@RunbookTest(CodeDeployWorkflowImpl.class)
class CodeDeployRollbackTest {
  private final RunbookTestEnvironment rt;

  CodeDeployRollbackTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of(Policies.ERROR_RATE, (Consumer<ScriptedWatch>) w ->
            w.script("v1.6.0", ERROR_RATE_PERCENT, Series.stepUp(0.4, 6, 12.0))),
        // stable p95 is slow too, so only the absolute rule can fire
        Arguments.of(Policies.P95, (Consumer<ScriptedWatch>) w -> w
            .script("v1.6.0", LATENCY_P95_MS, Series.constant(2600))
            .script("v1.5.0", LATENCY_P95_MS, Series.constant(1900))),
        Arguments.of(Policies.HEALTH, (Consumer<ScriptedWatch>) w ->
            w.script("v1.6.0", HEALTH_CHECK_FAILURES, Series.stepUp(0, 3, 3))),
        Arguments.of(Policies.COMPLAINTS_RULE, (Consumer<ScriptedWatch>) w ->
            w.script("v1.6.0", COMPLAINTS, Series.stepUp(0, 3, 11))),
        // 1000ms is fine in absolute terms but 67% slower than blue's 600ms
        Arguments.of(Policies.DEGRADATION, (Consumer<ScriptedWatch>) w -> w
            .script("v1.6.0", LATENCY_P95_MS, Series.constant(1000))
            .script("v1.5.0", LATENCY_P95_MS, Series.constant(600))));
  }

  @Test
  void aRollbackWhoseUndoFailsEndsFailedAndPagesInsteadOfClaimingTheOldReleaseIsBack() throws Exception {
    rt.watch.script("v1.6.0", ERROR_RATE_PERCENT, Series.stepUp(0.4, 6, 12.0));
    rt.platform.failAlways("retireSlot");
    rt.startCodeDeploy("v1.6.0");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).startsWith("rollback incomplete (retire green failed) after: ").contains("error-rate");
    assertThat(rt.platform.weight("blue")).isEqualTo(100);
    assertThat(rt.notifier.ofSeverity(Severity.PAGE)).isNotEmpty();
    assertThat(rt.registry.reports()).hasSize(1);
    // what the RollbackIncomplete alert reads
    assertThat(rt.metrics.awaitCounter("runbook_rollbacks_incomplete",
        java.util.Map.of("procedure", "code-deploy", "environment", "production"), 1)).isEqualTo(1);
    assertThat(rt.incidents.requests()).as("a rollback that could not complete opens a sev-1 incident").singleElement()
        .satisfies(i -> {
          assertThat(i.severity()).isEqualTo(1);
          assertThat(i.source()).isEqualTo(DEPLOY_ID);
          assertThat(i.summary()).startsWith("rollback of v1.6.0 incomplete: retire green failed");
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void rollsBackOnEachRuleDuringTheFirstCanary(String rule, Consumer<ScriptedWatch> script) {
    script.accept(rt.watch);
    rt.startCodeDeploy("v1.6.0");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(rule);
    assertBackOnBlue(result);
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10",
        // compensations, newest first: traffic back, then the new colour retired
        "shiftTraffic blue 100", "retireSlot green");
    assertThat(rt.watch.windows()).singleElement().satisfies(w -> assertThat(w.request().stepLabel()).contains("10%"));

    IncidentReport report = rt.registry.onlyReport();
    assertThat(result.incidentReportId()).isEqualTo(rt.registry.reports().keySet().iterator().next());
    assertThat(report.reason()).contains(rule);
    assertThat(report.fromVersion()).isEqualTo("v1.6.0");
    assertThat(report.toVersion()).isEqualTo("v1.5.0");
    assertThat(report.observations()).extracting(o -> o.rule()).contains(rule);
    assertThat(report.timeline()).isNotEmpty();

    RunbookStatus status = rt.status(DEPLOY_ID);
    assertThat(status.steps()).extracting(StepView::name, StepView::state).contains(
        tuple("Canary 10% (watch 30m)", StepState.FAILED),
        tuple("Canary 50% (watch 1h)", StepState.SKIPPED),
        tuple("Roll back (" + rule + ")", StepState.ROLLED_BACK));
    assertThat(status.weights()).containsEntry("blue", 100).containsEntry("green", 0);
    assertThat(rt.notifier.withTitleContaining("rolled back")).singleElement()
        .satisfies(n -> assertThat(n.severity()).isEqualTo(Severity.WARNING));
    assertThat(rt.searchAttribute(DEPLOY_ID, "RunbookOutcome")).isEqualTo("ROLLED_BACK");
    assertThat(rt.registry.finished()).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.ROLLED_BACK);
      assertThat(f.liveVersion()).isEqualTo("v1.5.0");
    });
  }

  @Test
  void rollsBackDuringTheSecondCanaryAfterAPromotion() {
    rt.watch.scriptDuring("50%", "v1.6.0", ERROR_RATE_PERCENT, Series.constant(9));
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    rt.promote(DEPLOY_ID, "alice");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.ERROR_RATE);
    assertBackOnBlue(result);
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10", "shiftTraffic green 50",
        "shiftTraffic blue 100", "retireSlot green");
    assertThat(rt.registry.approvals()).singleElement().satisfies(a -> assertThat(a.approver()).isEqualTo("alice"));
  }

  @Test
  void rollsBackAfterTheCutoverAndMakesBlueLiveAgain() {
    rt.watch.scriptDuring("Full traffic", "v1.6.0", HEALTH_CHECK_FAILURES, Series.constant(5));
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    rt.promote(DEPLOY_ID, "alice");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 50%");
    rt.promote(DEPLOY_ID, "bob");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.HEALTH);
    assertBackOnBlue(result);
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10", "shiftTraffic green 50",
        "shiftTraffic green 100", "markLive green",
        "shiftTraffic blue 100", "markLive blue", "retireSlot green");
  }

  @Test
  void aFailedSmokeTestRollsBackBeforeGreenGetsAnyTraffic() {
    rt.platform.failSmokeTestsOf("v1.6.2");
    rt.startCodeDeploy("v1.6.2");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains("smoke test of green failed");
    assertBackOnBlue(result);
    assertThat(rt.platform.calls()).noneMatch(c -> c.op().equals("shiftTraffic") && c.colour().equals("green")
        && Integer.parseInt(c.arg()) > 0);
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.2", "smokeTest green", "retireSlot green");
    assertThat(rt.watch.requests()).isEmpty();
    assertThat(rt.registry.onlyReport().reason()).contains("smoke test");
    assertThat(rt.status(DEPLOY_ID).steps()).extracting(StepView::name, StepView::state).contains(
        tuple("Smoke test green", StepState.FAILED),
        tuple("Roll back (smoke-test)", StepState.ROLLED_BACK));
  }

  @Test
  void aTransientPlatformErrorIsRetriedAndTheRunStillSucceeds() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.platform.failOnce("shiftTraffic");
    rt.startCodeDeploy("v1.6.0");

    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.platform.mutatingCalls()).containsExactly(
        "deployRelease green v1.6.0", "smokeTest green", "shiftTraffic green 10", "shiftTraffic green 10",
        "shiftTraffic green 50", "shiftTraffic green 100", "markLive green", "retireSlot blue");
  }

  private void assertBackOnBlue(RunbookResult result) {
    FakePlatform p = rt.platform;
    assertThat(p.liveColour()).isEqualTo("blue");
    assertThat(p.slot("blue").weight()).isEqualTo(100);
    assertThat(p.slot("blue").version()).isEqualTo("v1.5.0");
    assertThat(p.slot("green").weight()).isZero();
    assertThat(p.slot("green").role()).isEqualTo(SlotRole.RETIRED);
    assertThat(result.liveVersion()).isEqualTo("v1.5.0");
    assertThat(result.liveColour()).isEqualTo("blue");
  }
}

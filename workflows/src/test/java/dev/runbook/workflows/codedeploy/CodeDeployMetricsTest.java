package dev.runbook.workflows.codedeploy;

import static dev.runbook.workflows.contract.MetricKind.ERROR_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.LATENCY_P95_MS;
import static dev.runbook.workflows.testing.RunbookTestEnvironment.DEPLOY_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.testing.Policies;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.Series;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the watch does with real-looking data: a one-sample blip is not a breach, a breach held for
 * the rule's duration is, and unusable data (NaN, empty, stale, failed, too few samples) never
 * promotes: even with automatic gates the run stops and waits for a person.
 */
@RunbookTest(CodeDeployWorkflowImpl.class)
class CodeDeployMetricsTest {
  private final RunbookTestEnvironment rt;

  CodeDeployMetricsTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }


  @Test
  void aOneSampleBlipDoesNotRollBack() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.watch.script("v1.6.0", ERROR_RATE_PERCENT, Series.blip(0.4, 20, 40.0));

    RunbookResult result = runToEnd();

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.watch.windows()).extracting(w -> w.result())
        .containsExactly(WatchResult.HEALTHY, WatchResult.HEALTHY, WatchResult.HEALTHY);
    // the blip still crossed the 2% warning rule, once per window
    assertThat(rt.notifier.withTitleContaining(Policies.ERROR_RATE_NOTIFY + " fired")).hasSize(3);
  }

  @Test
  void aBreachShorterThanItsDurationDoesNotRollBackButOneHeldForItDoes() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    // 110s of 8% in the first canary: short of the 2m the rule asks for
    rt.watch.scriptDuring("10%", "v1.6.0", ERROR_RATE_PERCENT,
        (i, now) -> MetricReading.of(i >= 10 && i <= 21 ? 8.0 : 0.4, 1_000, now));
    // 8% from 100s into the second canary on: held for 2m at 220s
    rt.watch.scriptDuring("50%", "v1.6.0", ERROR_RATE_PERCENT, Series.stepUp(0.4, 10, 8.0));

    RunbookResult result = runToEnd();

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(result.reason()).contains(Policies.ERROR_RATE);
    assertThat(rt.watch.windows()).extracting(w -> w.result()).containsExactly(WatchResult.HEALTHY, WatchResult.ROLLBACK);
    // 10s polls: breaching from sample 10 (100s), fired at sample 22 (220s), 2m later
    assertThat(rt.watch.windows().get(1).samples()).isEqualTo(23);
    assertThat(rt.platform.mutatingCalls()).containsExactly("deployRelease green v1.6.0", "smokeTest green",
        "shiftTraffic green 10", "shiftTraffic green 50", "shiftTraffic blue 100", "retireSlot green");
  }

  @Test
  void aBreachAtTheEndOfTheWindowIsDecidedNotWavedThrough() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    // starts breaching 30s before the 30m window ends; the window is extended until it fires
    rt.watch.scriptDuring("10%", "v1.6.0", ERROR_RATE_PERCENT, Series.stepUp(0.4, 177, 9.0));

    RunbookResult result = runToEnd();

    assertThat(result.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(rt.watch.windows().get(0).samples()).isEqualTo(177 + 12 + 1);
  }

  static Stream<Arguments> unusableData() {
    return Stream.of(
        Arguments.of("NaN", Series.nan(), "is NaN"),
        Arguments.of("empty", Series.empty(), "is empty"),
        Arguments.of("stale", Series.stale(0.4), "is stale"),
        Arguments.of("failed (HTTP 503)", Series.failed(), "HTTP 503"),
        Arguments.of("too few samples", Series.lowSamples(0.4, 12), "12 samples, needs 50"));
  }

  @ParameterizedTest(name = "error rate {0}")
  @MethodSource("unusableData")
  void unusableErrorRateDataNeverPromotesEvenWithAutomaticGates(String kind, Series series, String detail) {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.watch.script("v1.6.0", ERROR_RATE_PERCENT, series);
    rt.startCodeDeploy("v1.6.0");

    RunbookStatus status = rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    assertInconclusiveHold(status, Policies.ERROR_RATE);
    assertThat(status.observations()).filteredOn(o -> o.rule().equals(Policies.ERROR_RATE)).singleElement()
        .satisfies(o -> {
          assertThat(o.verdict()).isEqualTo(RuleVerdict.INCONCLUSIVE);
          assertThat(o.detail()).contains(detail);
        });
    finishByAbort();
  }

  @Test
  void aMissingStableBaselineMakesTheRelativeRuleInconclusive() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.watch.script("v1.5.0", LATENCY_P95_MS, Series.failed());
    rt.startCodeDeploy("v1.6.0");

    RunbookStatus status = rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    assertInconclusiveHold(status, Policies.DEGRADATION);
    assertThat(status.observations()).filteredOn(o -> o.rule().equals(Policies.DEGRADATION))
        .extracting(RuleObservation::detail).singleElement().asString().contains("stable baseline read failed");
    finishByAbort();
  }

  @Test
  void dataThatGoesBadAtTheEndOfTheWindowIsNotAPass() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.watch.script("v1.6.0", MetricKind.COMPLAINTS,
        (i, now) -> i < 150 ? MetricReading.of(0, 1_000, now) : Series.failed().at(i, now));
    rt.startCodeDeploy("v1.6.0");

    RunbookStatus status = rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    assertInconclusiveHold(status, Policies.COMPLAINTS_RULE);
    assertThat(status.steps().get(status.currentStep() - 1).detail()).contains("ended the window inconclusive");
    finishByAbort();
  }

  @Test
  void anEarlierFullPromotionDoesNotWaveThroughAnInconclusiveCutoverWindow() {
    rt.watch.scriptDuring("100%", "v1.6.0", ERROR_RATE_PERCENT, Series.failed());
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");
    rt.promoteFull(DEPLOY_ID, "bob");

    RunbookStatus held = rt.awaitApprovalOf(DEPLOY_ID, "Full traffic 100%");

    assertThat(held.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(held.steps().get(held.currentStep() - 1).detail()).contains("inconclusive").contains("error-rate");
    assertThat(held.weights()).containsEntry("green", 100);
    assertThat(rt.platform.mutatingCalls()).doesNotContain("retireSlot blue");
    rt.promote(DEPLOY_ID, "bob");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.SUCCEEDED);
  }

  @Test
  void aPersonCanPromoteAnInconclusiveWindow() {
    rt.policies.use(Policies.autoGates(Policies.production()));
    rt.watch.scriptDuring("10%", "v1.6.0", ERROR_RATE_PERCENT, Series.empty());
    rt.startCodeDeploy("v1.6.0");
    rt.awaitApprovalOf(DEPLOY_ID, "Canary 10%");

    rt.promote(DEPLOY_ID, "alice");
    RunbookResult result = rt.result(DEPLOY_ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(rt.registry.approvals()).singleElement().satisfies(a -> assertThat(a.approver()).isEqualTo("alice"));
  }

  private void assertInconclusiveHold(RunbookStatus status, String rule) {
    assertThat(status.phase()).isEqualTo(Phase.AWAITING_APPROVAL);
    assertThat(status.steps().get(status.currentStep() - 1).state()).isEqualTo(StepState.WAITING);
    String why = status.steps().get(status.currentStep() - 1).detail();
    assertThat(why).contains("inconclusive").contains(rule);
    assertThat(status.log()).extracting(LogEntry::message).anyMatch(m -> m.contains("metrics inconclusive"));
    assertThat(status.waitingFor()).contains("promote");
    assertThat(status.weights()).containsEntry("green", 10);
    assertThat(rt.platform.calls()).noneMatch(c -> c.toString().equals("shiftTraffic green 50"));
    assertThat(rt.notifier.withTitleContaining("waits for approval")).singleElement()
        .satisfies(n -> assertThat(n.body()).contains("inconclusive"));
  }

  private RunbookResult runToEnd() {
    rt.startCodeDeploy("v1.6.0");
    return rt.result(DEPLOY_ID);
  }

  private void finishByAbort() {
    rt.abort(DEPLOY_ID, "bob", "no data, no deploy");
    assertThat(rt.result(DEPLOY_ID).outcome()).isEqualTo(Outcome.ABORTED);
    assertThat(rt.platform.liveColour()).isEqualTo("blue");
  }
}

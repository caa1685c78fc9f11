package dev.runbook.workflows.kit;

import dev.runbook.workflows.rules.RuleEvaluator;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.rules.WindowJudge;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.WatchRule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.testing.Policies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure rule arithmetic the watch relies on, with made-up clocks. */
class RuleEvaluatorTest {
  private static final WatchRule ERROR_RATE = rule(Policies.ERROR_RATE);
  private static final WatchRule DEGRADATION = rule(Policies.DEGRADATION);
  private static final long STALE_AFTER = 30_000;

  @Test
  void aBreachFiresOnlyOnceHeldForItsDuration() {
    RuleState s = null;
    RuleVerdict[] verdicts = new RuleVerdict[14];
    for (int i = 0; i < verdicts.length; i++) {
      RuleEvaluator.Evaluation e = eval(ERROR_RATE, 8.0, 500, s, i * 10_000L);
      s = e.state();
      verdicts[i] = e.observation().verdict();
    }
    assertThat(verdicts).startsWith(RuleVerdict.PENDING).contains(RuleVerdict.FIRING);
    assertThat(verdicts[11]).isEqualTo(RuleVerdict.PENDING);
    assertThat(verdicts[12]).as("120s after the first breaching read").isEqualTo(RuleVerdict.FIRING);
    assertThat(s.breachSinceMillis()).isZero();
  }

  @Test
  void aHealthyReadClearsTheBreachButAnUnusableOneDoesNot() {
    RuleState breaching = eval(ERROR_RATE, 8.0, 500, null, 0).state();
    RuleState gap = RuleEvaluator.evaluate(ERROR_RATE, MetricReading.failed("HTTP 503", 10_000), null, breaching,
        10_000, STALE_AFTER).state();
    assertThat(gap.breachSinceMillis()).as("a data gap cannot launder a breach").isZero();
    assertThat(gap.inconclusiveReads()).isEqualTo(1);

    RuleState healthy = eval(ERROR_RATE, 0.4, 500, gap, 20_000).state();
    assertThat(healthy.breachSinceMillis()).isNull();
    assertThat(healthy.conclusiveReads()).isEqualTo(2);
  }

  @Test
  void unusableReadsAreInconclusiveWithAReason() {
    long now = 100_000;
    assertThat(detail(MetricReading.of(Double.NaN, 500, now), now)).contains("is NaN");
    assertThat(detail(MetricReading.of(Double.POSITIVE_INFINITY, 500, now), now)).contains("is Infinity");
    assertThat(detail(new MetricReading(null, 0, now, null), now)).contains("is empty");
    assertThat(detail(MetricReading.of(0.4, 500, now - 31_000), now)).contains("is stale (31s old)");
    assertThat(detail(MetricReading.failed("HTTP 502", now), now)).contains("read failed: HTTP 502");
    assertThat(detail(MetricReading.of(0.4, 49, now), now)).contains("49 samples, needs 50");
    assertThat(detail(MetricReading.of(0.4, -1, now), now)).contains("an unknown number of samples");
    assertThat(detail(null, now)).contains("no canary reading");
  }

  @Test
  void relativeRulesScaleTheThresholdWithTheStableReading() {
    RuleEvaluator.Evaluation e = RuleEvaluator.evaluate(DEGRADATION, MetricReading.of(1000, 500, 0),
        MetricReading.of(600, 500, 0), null, 0, STALE_AFTER);
    assertThat(e.observation().threshold()).isEqualTo(900.0);
    assertThat(e.observation().verdict()).isEqualTo(RuleVerdict.PENDING);

    RuleEvaluator.Evaluation noBaseline = RuleEvaluator.evaluate(DEGRADATION, MetricReading.of(1000, 500, 0),
        MetricReading.failed("HTTP 503", 0), null, 0, STALE_AFTER);
    assertThat(noBaseline.observation().verdict()).isEqualTo(RuleVerdict.INCONCLUSIVE);
    assertThat(noBaseline.observation().detail()).contains("stable baseline read failed");
  }

  @Test
  void aWindowIsHealthyOnlyWhenEveryRollbackRuleReadConclusivelyAndEndsOk() {
    List<WatchRule> rules = List.of(ERROR_RATE);
    RuleObservation ok = new RuleObservation(Policies.ERROR_RATE, 0.4, 5.0, 500L, RuleVerdict.OK, "within threshold", 0);
    RuleObservation gap = new RuleObservation(Policies.ERROR_RATE, null, 5.0, null, RuleVerdict.INCONCLUSIVE, "HTTP 503", 0);

    assertThat(WindowJudge.conclude(rules, Map.of(Policies.ERROR_RATE, new RuleState(null, null, 3, 0)), List.of(ok), 3)
        .result()).isEqualTo(WatchResult.HEALTHY);
    assertThat(WindowJudge.conclude(rules, Map.of(Policies.ERROR_RATE, new RuleState(null, null, 0, 3)), List.of(gap), 3)
        .reason()).isEqualTo("error-rate never had a usable reading in the window");
    assertThat(WindowJudge.conclude(rules, Map.of(Policies.ERROR_RATE, new RuleState(null, null, 2, 1)), List.of(gap), 3)
        .result()).isEqualTo(WatchResult.INCONCLUSIVE);
    assertThat(WindowJudge.conclude(rules, Map.of(), List.of(), 0).result()).isEqualTo(WatchResult.INCONCLUSIVE);
  }

  private static String detail(MetricReading reading, long now) {
    RuleObservation o = RuleEvaluator.evaluate(ERROR_RATE, reading, null, null, now, STALE_AFTER).observation();
    assertThat(o.verdict()).isEqualTo(RuleVerdict.INCONCLUSIVE);
    return o.detail();
  }

  private static RuleEvaluator.Evaluation eval(WatchRule rule, double value, long samples, RuleState s, long now) {
    return RuleEvaluator.evaluate(rule, MetricReading.of(value, samples, now), null, s, now, STALE_AFTER);
  }

  private static WatchRule rule(String name) {
    return Policies.productionRules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}

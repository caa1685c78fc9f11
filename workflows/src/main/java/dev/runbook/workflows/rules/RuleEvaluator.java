package dev.runbook.workflows.rules;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.WatchRule;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;

/**
 * Evaluates one read of one watch rule. Pure and deterministic: the watch activity calls it on
 * every poll and keeps the returned state in its heartbeat; tests call it with made-up clocks.
 *
 * <p>Unusable data is never a pass: NaN or infinite values, missing values, reads older than the
 * staleness limit, source errors and reads over fewer than the rule's minimum samples are
 * INCONCLUSIVE. An inconclusive read neither starts nor clears a breach, so a data gap cannot
 * launder a real breach; a conclusive healthy read clears it (a one-sample blip never fires a
 * rule with a {@code for} duration).
 */
public final class RuleEvaluator {

  private RuleEvaluator() {}

  /** The rule's new state and what to show for this read. */
  public record Evaluation(RuleState state, RuleObservation observation) {}

  public static Evaluation evaluate(
      WatchRule rule,
      MetricReading canary,
      MetricReading stable,
      RuleState previous,
      long nowMillis,
      long staleAfterMillis) {
    RuleState prev = previous == null ? RuleState.initial() : previous;
    String problem = unusable(rule, canary, nowMillis, staleAfterMillis, "canary");
    Double threshold = rule.threshold();
    if (problem == null && rule.relativeToStable()) {
      String baselineProblem = unusable(rule, stable, nowMillis, staleAfterMillis, "stable baseline");
      if (baselineProblem != null) {
        problem = baselineProblem;
      } else {
        threshold = rule.threshold() * stable.value();
      }
    }
    if (problem != null) {
      RuleState next =
          new RuleState(prev.breachSinceMillis(), prev.firedAtMillis(), prev.conclusiveReads(), prev.inconclusiveReads() + 1);
      Double value = canary == null ? null : canary.value();
      return new Evaluation(
          next,
          new RuleObservation(rule.name(), finite(value), threshold, samples(canary), RuleVerdict.INCONCLUSIVE, problem, nowMillis));
    }
    double value = canary.value();
    if (!rule.comparison().breaches(value, threshold)) {
      RuleState next = new RuleState(null, null, prev.conclusiveReads() + 1, prev.inconclusiveReads());
      return new Evaluation(
          next,
          new RuleObservation(rule.name(), value, threshold, samples(canary), RuleVerdict.OK, "within threshold", nowMillis));
    }
    long since = prev.breachSinceMillis() == null ? nowMillis : prev.breachSinceMillis();
    long heldMillis = nowMillis - since;
    boolean firing = heldMillis >= rule.forSeconds() * 1000L;
    Long firedAt = firing ? (prev.firedAtMillis() == null ? Long.valueOf(nowMillis) : prev.firedAtMillis()) : null;
    RuleState next = new RuleState(since, firedAt, prev.conclusiveReads() + 1, prev.inconclusiveReads());
    String detail =
        firing
            ? "breached for " + Durations.human(heldMillis / 1000) + " (limit " + Durations.human(rule.forSeconds()) + ")"
            : "breaching for " + Durations.human(heldMillis / 1000) + " of " + Durations.human(rule.forSeconds());
    return new Evaluation(
        next,
        new RuleObservation(
            rule.name(), value, threshold, samples(canary), firing ? RuleVerdict.FIRING : RuleVerdict.PENDING, detail, nowMillis));
  }

  /** True when this read made a notify/page rule fire for the first time in the current breach. */
  public static boolean firedNow(RuleState before, RuleState after) {
    return after.firedAtMillis() != null && (before == null || before.firedAtMillis() == null);
  }

  private static String unusable(WatchRule rule, MetricReading r, long now, long staleAfterMillis, String which) {
    if (r == null) {
      return "no " + which + " reading";
    }
    if (r.problem() != null) {
      return which + " read failed: " + r.problem();
    }
    if (r.value() == null) {
      return which + " reading is empty";
    }
    if (r.value().isNaN() || r.value().isInfinite()) {
      return which + " reading is " + r.value();
    }
    if (staleAfterMillis > 0 && now - r.atMillis() > staleAfterMillis) {
      return which + " reading is stale (" + Durations.human((now - r.atMillis()) / 1000) + " old)";
    }
    if (rule.minSamples() > 0 && r.samples() < rule.minSamples()) {
      return which + " has " + (r.samples() < 0 ? "an unknown number of" : Long.toString(r.samples()))
          + " samples, needs " + rule.minSamples();
    }
    return null;
  }

  private static Long samples(MetricReading r) {
    return r == null || r.samples() < 0 ? null : r.samples();
  }

  private static Double finite(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v;
  }
}

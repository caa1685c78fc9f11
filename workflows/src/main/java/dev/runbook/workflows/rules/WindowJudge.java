package dev.runbook.workflows.rules;

import dev.runbook.workflows.contract.WatchVerdict;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.rules.RuleState;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.RuleAction;

import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import java.util.List;
import java.util.Map;

/**
 * Concludes a watch window from the rules' states. A window is HEALTHY only when every rollback
 * rule read conclusively at least once, its latest read was conclusive and it is not breaching;
 * anything else is INCONCLUSIVE (a person decides). ROLLBACK is decided as soon as a rule fires,
 * by the watch loop itself.
 */
public final class WindowJudge {
  private WindowJudge() {}

  /** True while some rollback rule is breaching but not yet for its full duration. */
  public static boolean anyRollbackRulePending(List<WatchRule> rules, List<RuleObservation> latest) {
    return rules.stream()
        .filter(r -> r.action() == RuleAction.ROLLBACK)
        .anyMatch(r -> verdictOf(r, latest) == RuleVerdict.PENDING);
  }

  public static WatchVerdict conclude(
      List<WatchRule> rules, Map<String, RuleState> states, List<RuleObservation> latest, int samples) {
    for (WatchRule rule : rules) {
      if (rule.action() != RuleAction.ROLLBACK) {
        continue;
      }
      RuleState state = states.get(rule.name());
      RuleVerdict verdict = verdictOf(rule, latest);
      if (state == null || state.conclusiveReads() == 0) {
        return new WatchVerdict(
            WatchResult.INCONCLUSIVE, rule.name(), rule.name() + " never had a usable reading in the window",
            latest, null, null, samples);
      }
      if (verdict != RuleVerdict.OK) {
        String detail = latest.stream().filter(o -> o.rule().equals(rule.name())).map(RuleObservation::detail)
            .findFirst().orElse("no reading");
        return new WatchVerdict(
            WatchResult.INCONCLUSIVE, rule.name(), rule.name() + " ended the window " + verdict.name().toLowerCase()
                + ": " + detail, latest, null, null, samples);
      }
    }
    return new WatchVerdict(WatchResult.HEALTHY, null, "all rules healthy", latest, null, null, samples);
  }

  private static RuleVerdict verdictOf(WatchRule rule, List<RuleObservation> latest) {
    return latest.stream()
        .filter(o -> o.rule().equals(rule.name()))
        .map(RuleObservation::verdict)
        .findFirst()
        .orElse(RuleVerdict.INCONCLUSIVE);
  }
}

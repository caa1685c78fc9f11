package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A staged rollout, as the kit's rollout loop runs it: a code deploy's canary steps (section
 * {@code code-deploy}), or a lesson's feature-flag steps (section {@code lessons}).
 *
 * @param steps the steps in order; the last one is 100% (its watch is the post-cutover watch)
 * @param retireAfterSeconds how long the old release stays as a fallback after 100%: the delay
 *     before the old colour is retired (code deploy), or before the flag is removed (lesson)
 * @param strategy how a code deploy moves: null (runs recorded before strategies) is {@link
 *     DeployStrategy#CANARY}
 * @param rolling the batches of a rolling deploy and of a config update's restart; null: defaults
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolloutPolicy(List<RolloutStep> steps, long retireAfterSeconds, DeployStrategy strategy,
    RollingPolicy rolling) {

  public RolloutPolicy(List<RolloutStep> steps, long retireAfterSeconds) {
    this(steps, retireAfterSeconds, null, null);
  }

  /** The strategy, canary when none was configured. */
  public DeployStrategy strategyOrDefault() {
    return strategy == null ? DeployStrategy.CANARY : strategy;
  }

  /** The rolling batches, {@link RollingPolicy#DEFAULTS} when none were configured. */
  public RollingPolicy rollingOrDefault() {
    return rolling == null ? RollingPolicy.DEFAULTS : rolling;
  }
}

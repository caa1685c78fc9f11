package dev.runbook.workflows.contract;

/**
 * How a code deploy moves a service to a new release (seed 004's strategies), named per
 * environment by {@code code-deploy.strategy}.
 */
public enum DeployStrategy {
  /**
   * The new release on the idle colour, then the environment's weighted steps ({@code
   * code-deploy.steps}, e.g. 10% → 50% → 100%), each watched against the stable colour.
   */
  CANARY,
  /** The new release on the idle colour, smoke-tested, then all traffic at once: one step of 100%. */
  BLUE_GREEN,
  /**
   * The live colour's instances replaced in batches ({@code code-deploy.rolling}), each batch
   * health-checked and watched against the instances still on the old release; a rule rolls back
   * only the replaced instances.
   */
  ROLLING
}

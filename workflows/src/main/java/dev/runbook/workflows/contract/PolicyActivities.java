package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.EnvironmentPolicy;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Reads the worker's configuration for one service in one environment. */
@ActivityInterface
public interface PolicyActivities {

  /**
   * Resolves the policy of {@code service} in {@code environment} from the worker's configuration.
   * Unknown environments or services fail non-retryably ("unknown environment 'prod'; known:
   * local, production"), so a typo fails the run fast and changes nothing. Read-only: safe to
   * repeat, nothing to undo.
   */
  @ActivityMethod
  EnvironmentPolicy resolvePolicy(String procedure, String service, String environment);
}

package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * "Always deploy to staging first" (seed 000 best practices, seed 004): whether a version may go
 * to an environment before it succeeded in the environment that environment's policy names.
 */
@ActivityInterface
public interface StagingFirstActivities {

  /**
   * Whether {@code environment} requires {@code version} of {@code service} to have succeeded
   * first in another environment (its configuration names which), and whether the release
   * registry has such a success. Read-only, so idempotent.
   */
  @ActivityMethod
  StagingVerdict checkStaged(String service, String environment, String version);
}

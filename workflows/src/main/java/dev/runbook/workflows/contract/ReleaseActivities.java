package dev.runbook.workflows.contract;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The phase work of a release in one environment (seed 004). Every method is keyed by the run's
 * workflow id and the environment: a retry repeats a read or writes the same row again.
 */
@ActivityInterface
public interface ReleaseActivities {

  /**
   * The release policy of {@code environment} for {@code service}. Read-only. An environment
   * without one, or a service it does not deploy, fails non-retryably (NoReleasePolicy,
   * UnknownService) naming those that exist.
   */
  @ActivityMethod
  ReleasePolicy resolveReleasePolicy(String service, String environment);

  /**
   * Preparation: the artefact (the version) exists on the environment's platform, and the release
   * live now is recorded as the one a rollback goes back to. Read-only, so idempotent. A version
   * the platform does not have fails non-retryably (UnknownVersion) with the versions it has. The
   * backup a migration needs is the workflow's snapshot step, not this.
   */
  @ActivityMethod
  Preparation prepareRelease(ReleaseStep step);

  /**
   * Pre-deployment: database connectivity (a round trip to the environment's database, timed) and
   * resources (the platform answers and has a slot to deploy to, disk space for logs and
   * snapshots). Read-only; a check that fails is reported, not thrown: the workflow decides.
   */
  @ActivityMethod
  PhaseReport checkPreDeployment(ReleaseStep step);

  /**
   * Verification: every HTTP check against the environment's public address (endpoints and
   * critical flows), the live release's error log (errors its slot counted over the last minute)
   * and performance (p95 latency) against the policy's ceilings. Read-only; failed checks are
   * reported, not thrown.
   */
  @ActivityMethod
  PhaseReport verifyRelease(VerifyRequest request);

  /**
   * Archives the deployment log of one environment's release in the runbook's registry, keyed by
   * workflow id and environment (a retry overwrites the same record). Returns the archive's key.
   * Not undone: an archived log stays, whatever happens later.
   */
  @ActivityMethod
  String archiveDeploymentLog(DeploymentLog log);
}

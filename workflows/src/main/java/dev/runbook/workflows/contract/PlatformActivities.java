package dev.runbook.workflows.contract;

import dev.runbook.workflows.contract.SmokeResult;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.ReleaseCheck;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Drives the platform that runs a service (the local sandbox over HTTP, or command templates such
 * as kubectl/flyctl). Every method is idempotent: it first reads the platform's state and does
 * nothing when the state already holds, so a retry after a crash never deploys twice.
 */
@ActivityInterface
public interface PlatformActivities {

  /**
   * Both colours, their releases, roles and weights. Read-only (idempotent, nothing to undo). A
   * service the platform does not know fails non-retryably with type UnknownService.
   */
  @ActivityMethod
  ServiceState describeService(String platform, String service, String environment);

  /**
   * Whether the platform can deploy {@code version} of the service, asked before anything moves so
   * a missing release is refused instead of failing at its deploy step. Read-only, so idempotent
   * and nothing to undo; UNKNOWN when the platform cannot tell. An unknown service fails
   * non-retryably with type UnknownService.
   */
  @ActivityMethod
  ReleaseCheck checkRelease(String platform, String service, String environment, String version);

  /**
   * Deploys {@code version} to {@code colour} without giving it traffic. No-op when the colour
   * already runs that version. Compensated by {@link #retireSlot}. Unknown versions fail
   * non-retryably.
   */
  @ActivityMethod
  void deployRelease(String platform, String service, String environment, String colour, String version);

  /** Health check and a few real requests against {@code colour} directly. Never throws on a failed check. */
  @ActivityMethod
  SmokeResult smokeTest(String platform, String service, String environment, String colour);

  /**
   * Sends {@code weight}% of traffic to {@code colour} and the rest to the other colour. Setting
   * the same split twice is safe. Compensated by shifting 100% back to the stable colour.
   */
  @ActivityMethod
  void shiftTraffic(String platform, String service, String environment, String colour, int weight);

  /** Makes {@code colour} the live one; the other becomes standby (kept running for rollback). */
  @ActivityMethod
  void markLive(String platform, String service, String environment, String colour);

  /** Stops whatever runs on {@code colour} (it must carry no traffic). No-op when already retired. */
  @ActivityMethod
  void retireSlot(String platform, String service, String environment, String colour);
}

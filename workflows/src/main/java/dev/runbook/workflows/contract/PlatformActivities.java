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
   * Both colours, their releases, roles and weights. A service the platform does not know fails
   * non-retryably with type UnknownService. Read-only: safe to repeat, nothing to undo.
   */
  @ActivityMethod
  ServiceState describeService(String platform, String service, String environment);

  /**
   * Whether the platform can deploy {@code version} of the service, asked before anything moves so
   * a missing release is refused instead of failing at its deploy step; UNKNOWN when the platform
   * cannot tell. An unknown service fails non-retryably with type UnknownService. Read-only: safe to
   * repeat, nothing to undo.
   */
  @ActivityMethod
  ReleaseCheck checkRelease(String platform, String service, String environment, String version);

  /**
   * Deploys {@code version} to {@code colour} without giving it traffic. Unknown versions fail
   * non-retryably. Idempotent by (service, environment, colour, version): a colour that already
   * runs that version is left alone. Undone by {@link #retireSlot} of that colour, registered
   * before the call because a timed-out deploy may have landed.
   */
  @ActivityMethod
  void deployRelease(String platform, String service, String environment, String colour, String version);

  /**
   * Health check and a few real requests against {@code colour} directly, repeated within a short
   * deadline while they fail. Never throws on a failed check. Changes nothing on the platform: safe
   * to repeat, nothing to undo.
   */
  @ActivityMethod
  SmokeResult smokeTest(String platform, String service, String environment, String colour);

  /**
   * Sends {@code weight}% of traffic to {@code colour} and the rest to the other colour.
   * Idempotent by (service, environment, colour): a colour that already has {@code weight} is left
   * alone, so setting the same split twice is safe. Undone by {@link #shiftTraffic} of 100% to the
   * stable colour (and {@link #markLive} of it once the cutover happened).
   */
  @ActivityMethod
  void shiftTraffic(String platform, String service, String environment, String colour, int weight);

  /**
   * Makes {@code colour} the live one; the other becomes standby (kept running for rollback).
   * Idempotent by (service, environment, colour): a colour already live is left alone. Undone by
   * {@link #markLive} of the previously live colour, after {@link #shiftTraffic} of 100% to it.
   */
  @ActivityMethod
  void markLive(String platform, String service, String environment, String colour);

  /**
   * Stops whatever runs on {@code colour} (it must carry no traffic). Idempotent by (service,
   * environment, colour): a retired or empty colour is left alone. It is the undo of {@link
   * #deployRelease}; retiring the old colour after a cutover comes past the point of no return and
   * is not undone (a rollback run deploys a release again).
   */
  @ActivityMethod
  void retireSlot(String platform, String service, String environment, String colour);
}

package dev.runbook.activities.platform;

import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SmokeResult;

/**
 * One kind of platform (the local sandbox, kubectl, flyctl ...) behind the platform activities.
 * Each mutating method must be idempotent: read the state first and do nothing when it already
 * holds, because Temporal retries an activity whose outcome it could not see. Failures follow the
 * activity conventions: {@code ApplicationFailure.newNonRetryableFailure} for anything a retry
 * cannot fix (unknown version, conflict), plain or retryable failures for outages.
 */
public interface PlatformProvider {

  /** Both colours with their releases, roles and weights. Read-only. */
  ServiceState describe(String service, String environment);

  /** Whether the platform can deploy {@code version}; UNKNOWN when it cannot tell. Read-only. */
  ReleaseCheck checkRelease(String service, String environment, String version);

  /** Runs {@code version} on {@code colour} without traffic; no-op when it already does. */
  void deploy(String service, String environment, String colour, String version);

  /** Health check plus a few real requests against {@code colour}; a failed check is a result, not an exception. */
  SmokeResult smokeTest(String service, String environment, String colour);

  /** {@code weight}% of traffic to {@code colour}, the rest to the other colour; no-op when already so. */
  void shiftTraffic(String service, String environment, String colour, int weight);

  /** Makes {@code colour} live (the other becomes standby); no-op when it already is. */
  void markLive(String service, String environment, String colour);

  /** Stops {@code colour}, which must carry no traffic; no-op when already retired or empty. */
  void retire(String service, String environment, String colour);
}

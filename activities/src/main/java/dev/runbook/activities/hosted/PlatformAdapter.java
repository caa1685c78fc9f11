package dev.runbook.activities.hosted;

import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;

/**
 * One hosted platform as the multi-platform activities drive it. Implementations act once per call;
 * the activities check the platform's state before acting, so a retried activity never acts twice.
 * Failures are {@code ApplicationFailure}s: non-retryable when the platform refused (bad input, a
 * 4xx, a non-retryable exit code), retryable when it did not answer.
 */
public interface PlatformAdapter {
  PlatformRelease current(String service, String environment);

  PlatformRelease deploy(String service, String environment, String version);

  /** One probe of the service's health on this platform. */
  PlatformHealth probeHealth(String service, String environment);

  /** Back to {@code recorded}: a redeploy of its image, or the platform's own rollback to it. */
  PlatformRelease rollback(String service, String environment, PlatformRelease recorded);
}

package dev.runbook.workflows.multiplatform;

import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.contract.PlatformTarget;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The hosted platforms of a multi-platform deploy, through each platform's adapter (flyctl,
 * railway, Render's HTTP API, the sandbox). Activities are at-least-once: each one reads the
 * platform's state before acting, so a retry after a crash never acts twice.
 */
@ActivityInterface
public interface MultiPlatformActivities {
  /** Refused (non-retryable) when a requested platform is not configured for the environment. */
  String UNKNOWN_PLATFORM = "UnknownPlatform";
  /** The platform refused a rollback (a 4xx, a non-retryable exit): a retry cannot help, a person must. */
  String ROLLBACK_REFUSED = "PlatformRollbackRefused";

  /**
   * The environment's configured platforms in deploy order, restricted to {@code requested} (all
   * when null or empty). Read-only: safe to repeat, nothing to undo. Refuses an unknown environment
   * or platform non-retryably ({@link #UNKNOWN_PLATFORM}), naming the configured ones.
   */
  List<PlatformTarget> planPlatforms(String environment, List<String> requested);

  /** The platform's current release of the service. Read-only: safe to repeat, nothing to undo. */
  PlatformRelease recordPlatformRelease(PlatformCall call);

  /**
   * Deploys {@code call.version()}. Idempotent by (platform, service, version): a platform whose
   * current release already runs that version is left as it is and its release returned. Undone by
   * {@link #rollBackPlatform} to the release recorded before.
   */
  PlatformRelease deployToPlatform(PlatformCall call);

  /**
   * Probes the platform's health until it passes or the platform's health timeout ends (heartbeats
   * while it waits). Read-only: safe to repeat, nothing to undo.
   */
  PlatformHealth checkPlatformHealth(PlatformCall call);

  /**
   * Back to {@code call.recorded()}: redeploys its image (Fly, the sandbox) or rolls back to its
   * deploy (Render, which then has auto-deploy turned off). Idempotent by (platform, service,
   * recorded release): a platform already running the recorded version and image is left as it is.
   * Not undone: it is the undo. A refusal by the platform fails non-retryably ({@link #ROLLBACK_REFUSED}).
   */
  PlatformRelease rollBackPlatform(PlatformCall call);
}

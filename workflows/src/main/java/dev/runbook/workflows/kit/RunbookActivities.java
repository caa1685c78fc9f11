package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.RegistryActivities;
import dev.runbook.workflows.contract.PolicyActivities;
import dev.runbook.workflows.contract.IncidentActivities;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.RunControlActivities;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.contract.PlatformActivities;
import dev.runbook.workflows.contract.InstanceActivities;
import dev.runbook.workflows.api.TaskQueues;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs with explicit timeouts and retry policies, one summary per call so the Temporal
 * UI's timeline reads like the runbook ("shift 10% to green").
 */
public final class RunbookActivities {
  private static final RetryOptions QUICK_RETRY = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofSeconds(1)).setBackoffCoefficient(2).setMaximumInterval(Duration.ofSeconds(30))
      .setMaximumAttempts(10).build();
  /** Compensations must get through: more attempts, same idempotent calls. */
  private static final RetryOptions PERSISTENT_RETRY = QUICK_RETRY.toBuilder().setMaximumAttempts(30).build();
  /**
   * Short activities heartbeat automatically (the worker's heartbeat interceptor, every ~2 s), so
   * a step in flight on a worker that dies is retried after this, not after its start-to-close
   * (the deploy timeout: minutes).
   */
  static final Duration SHORT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  private final EnvironmentPolicy policy;

  public RunbookActivities(EnvironmentPolicy policy) {
    this.policy = policy;
  }

  /** Before the policy is known. */
  public static PolicyActivities policyResolver() {
    return beforePolicy(PolicyActivities.class, "resolve environment policy");
  }

  /** Forward platform steps (see {@link #step}). */
  public PlatformActivities platform(String summary) {
    return step(PlatformActivities.class, summary);
  }

  public PlatformActivities compensation(String summary) {
    return undo(PlatformActivities.class, summary);
  }

  /** Forward steps on a colour's instances and the service's config (see {@link #step}). */
  public InstanceActivities instances(String summary) {
    return step(InstanceActivities.class, summary);
  }

  public InstanceActivities instancesUndo(String summary) {
    return undo(InstanceActivities.class, summary);
  }

  /**
   * The watch: one long activity whose heartbeats carry its progress. Its start-to-close covers
   * the window plus the longest possible extension; a dead worker is noticed after one heartbeat
   * timeout and the window resumes elsewhere.
   */
  public WatchActivities watch(WatchRequest request, String summary) {
    long longestFor = request.rules().stream().mapToLong(WatchRule::forSeconds).max().orElse(0);
    long budget = request.windowSeconds() + longestFor + 5 * request.pollSeconds() + 120;
    return Workflow.newActivityStub(WatchActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(budget))
        // Retries resume a crashed window; a watch that keeps failing must end the run, not hang it.
        .setScheduleToCloseTimeout(Duration.ofSeconds(2 * budget + 600))
        .setHeartbeatTimeout(Duration.ofSeconds(Math.max(2, policy.heartbeatTimeoutSeconds())))
        // its own queue and executor: open windows never hold the slots that steps and compensations need
        .setTaskQueue(TaskQueues.watchQueueOf(Workflow.getInfo().getTaskQueue()))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(QUICK_RETRY.toBuilder().setMaximumAttempts(0).setMaximumInterval(Duration.ofSeconds(10)).build())
        .setSummary(summary).build());
  }

  /**
   * A forward step on any store or platform, with bounded retries. An abort lets the step in flight
   * finish ({@link StepBoundary}): the compensation (e.g. "retire green", "withdraw 2.0.0") must not
   * run while the step it undoes is still going. (Runs from before that version cancel it and wait:
   * WAIT_CANCELLATION_COMPLETED.)
   */
  public <T> T step(Class<T> activities, String summary) {
    return StepBoundary.step(activities, Workflow.newActivityStub(activities, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(Math.max(5, policy.deployTimeoutSeconds())))
        .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT)
        .setRetryOptions(QUICK_RETRY.toBuilder().setMaximumAttempts(6).build())
        .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
        .setSummary(summary).build()));
  }

  /** A compensation on any store or platform: it must get through. */
  public <T> T undo(Class<T> activities, String summary) {
    return Workflow.newActivityStub(activities, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(Math.max(5, policy.deployTimeoutSeconds())))
        .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT).setRetryOptions(PERSISTENT_RETRY).setSummary(summary).build());
  }

  /** Before the policy is known: read-only calls that resolve it or check the request. */
  public static <T> T beforePolicy(Class<T> activities, String summary) {
    return Workflow.newActivityStub(activities, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30)).setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT)
        .setRetryOptions(QUICK_RETRY.toBuilder().setMaximumAttempts(5).build())
        .setSummary(summary).build());
  }

  public RegistryActivities registry() {
    return registryStub();
  }

  /** The release registry needs no policy: refused runs are recorded before one is known. */
  public static RegistryActivities registryStub() {
    return StepBoundary.bookkeeping(RegistryActivities.class, Workflow.newActivityStub(RegistryActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT).setRetryOptions(QUICK_RETRY).setSummary("release registry")
            .build()));
  }

  public NotificationActivities notifier() {
    return StepBoundary.bookkeeping(NotificationActivities.class, Workflow.newActivityStub(
        NotificationActivities.class, ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT).setRetryOptions(QUICK_RETRY).setSummary("notify").build()));
  }

  /** Opening an incident is bookkeeping too: it never decides the run that asks for it. */
  public IncidentActivities incidents() {
    return StepBoundary.bookkeeping(IncidentActivities.class, Workflow.newActivityStub(IncidentActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
            .setHeartbeatTimeout(SHORT_HEARTBEAT_TIMEOUT).setRetryOptions(QUICK_RETRY).setSummary("open incident")
            .build()));
  }

  public RunControlActivities runControl(String summary) {
    return runControlStub(summary);
  }

  /** Acting on other runs needs no policy (a lock's holder is pre-empted before the run starts). */
  public static RunControlActivities runControlStub(String summary) {
    return Workflow.newActivityStub(RunControlActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(6)).setHeartbeatTimeout(Duration.ofSeconds(30))
        // Waiting for another run must end: after 30 minutes this run fails and says so.
        .setScheduleToCloseTimeout(Duration.ofMinutes(30))
        .setRetryOptions(QUICK_RETRY.toBuilder().setMaximumAttempts(0).build()).setSummary(summary).build());
  }
}

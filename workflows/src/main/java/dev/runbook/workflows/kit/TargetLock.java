package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import dev.runbook.workflows.contract.RunControlActivities;
import dev.runbook.workflows.contract.TargetLockActivities;
import dev.runbook.workflows.contract.TargetPaths;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A run's hold on its targets: {@link #acquire} before anything moves, {@link #release} when the
 * run ends, whatever the outcome. A target held by another run fails this run fast and
 * non-retryably (type {@value #TARGET_LOCKED}, the {@link LockGrant} as detail) naming the holder;
 * a pre-empting run uses {@link #acquireOrPreempt} instead. Deterministic: activities only.
 */
public final class TargetLock {
  public static final String TARGET_LOCKED = "TargetLocked";
  /** A holder may be replaced by another pre-emptible one meanwhile; give up after this many aborts. */
  private static final int MAX_PREEMPTIONS = 3;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Supplier<TargetLockActivities> activities;
  private final String workflowId;
  private final String runId;
  private final String procedure;
  private final String requestedBy;
  private final String parentWorkflowId;
  private final String parentRunId;
  private boolean attempted;
  private boolean held;
  private boolean preemptible;

  public TargetLock(Supplier<TargetLockActivities> activities, String workflowId, String runId, String procedure,
      String requestedBy, String parentWorkflowId, String parentRunId) {
    this.activities = activities;
    this.workflowId = workflowId;
    this.runId = runId;
    this.procedure = procedure;
    this.requestedBy = requestedBy;
    this.parentWorkflowId = parentWorkflowId;
    this.parentRunId = parentRunId;
  }

  /** This run as the holder; a child run names its parent, so it inherits the parent's targets. */
  public static TargetLock forThisRun(Supplier<TargetLockActivities> activities, String procedure, String requestedBy) {
    WorkflowInfo info = Workflow.getInfo();
    return new TargetLock(activities, info.getWorkflowId(), info.getRunId(), procedure, requestedBy,
        info.getParentWorkflowId().orElse(null), info.getParentRunId().orElse(null));
  }

  /** The stub to pass in: a short database transaction, retried while Postgres or Temporal is away. */
  public static TargetLockActivities activities() {
    return StepBoundary.bookkeeping(TargetLockActivities.class, Workflow.newActivityStub(TargetLockActivities.class,
        ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).setBackoffCoefficient(2)
                .setMaximumInterval(Duration.ofSeconds(30)).setMaximumAttempts(10).build())
            .setSummary("target lock").build()));
  }

  /** Takes {@code targets} ({@link TargetPaths}) or fails the run naming the holder. */
  public void acquire(List<String> targets, boolean preemptible) {
    LockGrant grant = request(targets, preemptible);
    if (!grant.granted()) {
      throw refused(grant, "");
    }
  }

  /**
   * Takes {@code targets}; a holder whose procedure is in {@code mayPreempt} and that declared
   * itself pre-emptible is aborted (waiting for its compensations) and the targets asked for again.
   * Any other holder fails this run as {@link #acquire} does. Returns the holders it aborted.
   */
  public List<LockHolder> acquireOrPreempt(List<String> targets, boolean preemptible, Set<String> mayPreempt,
      RunControlActivities control, String approver, String reason) {
    List<LockHolder> preempted = new ArrayList<>();
    while (true) {
      LockGrant grant = request(targets, preemptible);
      if (grant.granted()) {
        return preempted;
      }
      LockHolder holder = grant.holder();
      if (!mayPreempt.contains(holder.procedure())) {
        throw refused(grant, "; " + procedure + " does not pre-empt " + holder.procedure());
      }
      if (!holder.preemptible()) {
        throw refused(grant, "; it may not be pre-empted in its current phase");
      }
      if (preempted.size() >= MAX_PREEMPTIONS) {
        throw refused(grant, "; gave up after pre-empting " + preempted.size() + " runs");
      }
      // Exactly the holder's run: a newer run started under the same id meanwhile is left alone (it
      // has to take the lock itself); a holder that ended meanwhile is released by the next acquire.
      String ended = control.abortExactRunAndWait(holder.workflowId(), holder.runId(), approver, reason);
      Workflow.getLogger(TargetLock.class).info("pre-empted {} run {}: {}", holder.workflowId(), holder.runId(),
          ended == null ? "had already ended" : "ended " + ended);
      preempted.add(holder);
    }
  }

  /** Declares whether this run may be pre-empted in the phase it enters now; nothing when not held or unchanged. */
  public void preemptible(boolean preemptible) {
    if (held && this.preemptible != preemptible) {
      activities.get().setPreemptible(workflowId, runId, preemptible);
      this.preemptible = preemptible;
    }
  }

  /**
   * Releases the targets, in a detached scope so an aborted or cancelled run still releases them.
   * Also after a failed acquire: its transaction may have committed before the answer was lost.
   */
  public void release() {
    if (!attempted) {
      return;
    }
    Workflow.newDetachedCancellationScope(() -> activities.get().release(workflowId, runId)).run();
    held = false;
  }

  public boolean held() {
    return held;
  }

  private LockGrant request(List<String> targets, boolean preemptible) {
    attempted = true;
    LockGrant grant = activities.get().acquire(new LockRequest(List.copyOf(targets), workflowId, runId, procedure,
        requestedBy, parentWorkflowId, parentRunId, preemptible));
    held = grant.granted();
    this.preemptible = preemptible;
    return grant;
  }

  private ApplicationFailure refused(LockGrant grant, String why) {
    return ApplicationFailure.newNonRetryableFailure(message(grant, why, Workflow.currentTimeMillis()), TARGET_LOCKED, grant);
  }

  /** "learning-api in local is held by deploy:learning-api:local run 3f2c1a9b… (code-deploy, requested by alice, since 10:02:11 UTC); ..." */
  static String message(LockGrant grant, String why, long nowMillis) {
    LockHolder h = grant.holder();
    String what = TargetPaths.describe(grant.requestedTarget());
    String holding = h.heldTarget() == null || h.heldTarget().equals(grant.requestedTarget())
        ? h.procedure() : h.procedure() + " of " + TargetPaths.describe(h.heldTarget());
    String run = h.runId() == null || h.runId().length() <= 8 ? h.runId() : h.runId().substring(0, 8) + "…";
    return what + " is held by " + h.workflowId() + " run " + run + " (" + holding + ", requested by "
        + (h.requestedBy() == null ? "unknown" : h.requestedBy()) + ", since " + since(h.sinceMillis(), nowMillis)
        + ")" + why + "; start again when it has finished";
  }

  /** The time of day when the lock was taken today (UTC), with the date when it was taken earlier. */
  private static String since(long millis, long nowMillis) {
    Instant at = Instant.ofEpochMilli(millis);
    boolean today = at.atOffset(ZoneOffset.UTC).toLocalDate()
        .equals(Instant.ofEpochMilli(nowMillis).atOffset(ZoneOffset.UTC).toLocalDate());
    return (today ? TIME : DAY_TIME).format(at) + " UTC";
  }
}

package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.EnvironmentPolicy;

/**
 * What every kit piece of one run shares, handed to each through its constructor: the run header
 * (kept by the status), the policy with the activity stubs and metrics built from it, the status,
 * the approval gate, the compensations and the scopes a signal may cancel. The status, gate and
 * compensations exist from the first instant (a handler may run before the workflow method); the
 * policy, stubs and metrics once {@link #usePolicy} ran.
 */
public final class RunContext {
  private final StatusTracker status = new StatusTracker();
  private final ApprovalGate gate = new ApprovalGate(status);
  private final Compensations compensations = new Compensations();
  private final RunScopes scopes = new RunScopes();
  private Procedure procedure;
  private EnvironmentPolicy policy;
  private RunbookActivities activities;
  private RunMetrics metrics;
  private String incidentReportId;
  private TargetLock targetLock;

  /** Records who asked for what (see {@link RunbookWorkflowBase#begin}). */
  void begin(Procedure proc, RunHeader header) {
    this.procedure = proc;
    status.start(header);
  }

  /** Installs the policy; from now on activities run and metrics are emitted. */
  void usePolicy(EnvironmentPolicy resolved) {
    policy = resolved;
    gate.policy(policy.approval());
    activities = new RunbookActivities(policy);
    metrics = new RunMetrics(procedure.cliName(), environment());
  }

  public RunHeader header() {
    return status.header();
  }

  public Procedure procedure() {
    return procedure;
  }

  /** The run's target: a service, or a lesson id for a lesson update. */
  public String service() {
    return header().service();
  }

  public String environment() {
    return header().environment();
  }

  public String workflowId() {
    return header().workflowId();
  }

  public StatusTracker status() {
    return status;
  }

  public ApprovalGate gate() {
    return gate;
  }

  public Compensations compensations() {
    return compensations;
  }

  public RunScopes scopes() {
    return scopes;
  }

  public EnvironmentPolicy policy() {
    return policy;
  }

  /** The activity stubs; null until the policy is known. */
  public RunbookActivities activities() {
    return activities;
  }

  public RunMetrics metrics() {
    return metrics;
  }

  /** The run's target lock once it asked for one (runs started before locks have none). */
  public TargetLock targetLock() {
    return targetLock;
  }

  void targetLock(TargetLock lock) {
    this.targetLock = lock;
  }

  /**
   * From here on nothing can be undone: the compensations are dropped (an abort is refused with
   * {@code why}) and the run tells its lock it may no longer be pre-empted, so an emergency deploy
   * or rollback is refused instead of aborting a run that could not roll back.
   */
  public void pointOfNoReturn(String why) {
    compensations.seal(why);
    if (targetLock != null) {
      targetLock.preemptible(false);
    }
  }

  /** Gives the target back, whatever the outcome (detached: an aborted run still releases it). */
  void releaseTarget() {
    if (targetLock != null) {
      targetLock.release();
    }
  }

  public String incidentReportId() {
    return incidentReportId;
  }

  void incidentReportId(String id) {
    this.incidentReportId = id;
  }
}

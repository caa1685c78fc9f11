package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.AbortRequest;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.HasUnknownFields;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.Supplier;

/**
 * The life cycle every runbook shares, as a template over kit pieces: {@link #begin} (who asked
 * for what; a malformed request fails fast), {@link #loadPolicy} or {@link #usePolicy} (the run is
 * recorded), then {@link #run} a forward path through the {@link SagaRunner}. The handlers are the
 * {@link RunControlHandlers}; a procedure is a short script of the pieces this class hands out.
 */
public abstract class RunbookWorkflowBase implements RunbookControl {
  private final RunContext ctx = new RunContext();
  private final RunControlHandlers handlers = new RunControlHandlers(ctx);
  private final RunRecorder recorder = new RunRecorder(ctx);
  private final SagaRunner saga = new SagaRunner(ctx, recorder);
  private final ApprovalStep approvals = new ApprovalStep(ctx, recorder);
  private final WatchWindow watchWindow = new WatchWindow(ctx, approvals);
  private final RolloutLoop rollout = new RolloutLoop(ctx, watchWindow, approvals);
  private ChildRuns children;

  /**
   * Records who asked for what; fails fast and non-retryably on a malformed request: {@code
   * problems} from the procedure's validator, plus any field of {@code input} the procedure does not
   * know (behind a version marker, see {@link UnknownFieldRefusal}).
   */
  protected final <R extends Record & HasUnknownFields> void begin(Procedure proc, String svc, String env,
      String version, String requestedBy, String requestId, String reason, List<String> problems, R input) {
    ctx.begin(proc, new RunHeader(proc.cliName(), Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId(),
        svc, env, version, requestedBy, requestId, reason, Workflow.currentTimeMillis()));
    ParentReport.installIfChild(ctx);
    ctx.status().log("requested by " + (requestedBy == null ? "unknown" : requestedBy));
    List<String> all = UnknownFieldRefusal.addTo(problems, input);
    if (!all.isEmpty()) {
      Refusal refusal = problems.isEmpty() ? Refusal.UNKNOWN_FIELDS : Refusal.INVALID_REQUEST;
      throw recorder.refuse("invalid request: " + String.join("; ", all), refusal);
    }
    Workflow.upsertTypedSearchAttributes(
        SearchAttributeKeys.SERVICE.valueSet(svc), SearchAttributeKeys.ENVIRONMENT.valueSet(env),
        SearchAttributeKeys.VERSION.valueSet(version == null ? "standby" : version),
        SearchAttributeKeys.PROCEDURE.valueSet(proc.cliName()));
  }

  /** Resolves the environment policy; an unknown environment or service fails the run fast. */
  protected final void loadPolicy() {
    EnvironmentPolicy resolved = null;
    try {
      resolved = RunbookActivities.policyResolver().resolvePolicy(ctx.procedure().cliName(), ctx.service(),
          ctx.environment());
    } catch (ActivityFailure e) {
      throw recorder.refuse(Failures.rootMessage(e), Refusals.of(e, Refusal.INVALID_REQUEST));
    }
    usePolicy(resolved);
  }

  /** Installs a policy (resolved by {@link #loadPolicy} or by the procedure itself) and records the run's start. */
  protected final void usePolicy(EnvironmentPolicy resolved) {
    ctx.usePolicy(resolved);
    recorder.recordStart();
  }

  /** The version a run is about, once known after the start (a lesson update reads it from the file). */
  protected final void announceVersion(String version) {
    ctx.status().version(version);
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.VERSION.valueSet(version));
  }

  /** Runs the forward path (returning a one-line success summary) as a saga; see {@link SagaRunner}. */
  protected final RunbookResult run(Supplier<String> forward) {
    return saga.run(forward);
  }

  // ---- the kit pieces a procedure scripts ------------------------------------------------------

  protected final RunContext ctx() {
    return ctx;
  }

  protected final StatusTracker tracker() {
    return ctx.status();
  }

  protected final RunRecorder recorder() {
    return recorder;
  }

  protected final ApprovalStep approvals() {
    return approvals;
  }

  protected final WatchWindow watchWindow() {
    return watchWindow;
  }

  protected final RolloutLoop rollout() {
    return rollout;
  }

  /** Checks that the platform has a release before anything moves. */
  protected final ReleaseGuard releases() {
    return new ReleaseGuard(ctx, recorder);
  }

  protected final SingleFlight singleFlight() {
    return new SingleFlight(ctx, recorder);
  }

  /** Blue-green steps on the run's service (once the policy is known). */
  protected final BlueGreen blueGreen() {
    return new BlueGreen(ctx);
  }

  /** Child runs of this run; a promote while a child waits is forwarded to it from now on. */
  protected final ChildRuns childRuns() {
    if (children == null) {
      children = new ChildRuns(ctx);
      handlers.forwardTo(children);
    }
    return children;
  }

  // ---- RunbookControl, by delegation ------------------------------------------------------------

  @Override
  public RunbookStatus status() {
    return handlers.status();
  }

  @Override
  public void promote(PromoteRequest request) {
    handlers.promote(request);
  }

  @Override
  public ApprovalRecord promoteUpdate(PromoteRequest request) {
    return handlers.promoteUpdate(request);
  }

  @Override
  public void validatePromote(PromoteRequest request) {
    handlers.validatePromote(request);
  }

  @Override
  public void abort(AbortRequest request) {
    handlers.abort(request);
  }

  @Override
  public ApprovalRecord abortUpdate(AbortRequest request) {
    return handlers.abortUpdate(request);
  }

  @Override
  public void validateAbort(AbortRequest request) {
    handlers.validateAbort(request);
  }
}

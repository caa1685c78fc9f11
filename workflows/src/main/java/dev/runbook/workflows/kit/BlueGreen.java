package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.SmokeResult;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.ServiceState;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Optional;

/**
 * Blue-green steps on one service, each registering its compensation before it acts: deploy to
 * the idle colour (undo: retire it), shift traffic (undo: all traffic back to the stable colour,
 * which is made live again if the cutover happened), smoke test, cut over, retire the old colour.
 */
public final class BlueGreen {
  private final RunContext ctx;
  private final StatusTracker status;
  private final Compensations compensations;
  private final RunbookActivities activities;
  private final EnvironmentPolicy policy;
  private final String service;
  private final String environment;
  private boolean stableProtected;
  private boolean cutOver;

  public BlueGreen(RunContext ctx) {
    this.ctx = ctx;
    this.status = ctx.status();
    this.compensations = ctx.compensations();
    this.activities = ctx.activities();
    this.policy = ctx.policy();
    this.service = ctx.service();
    this.environment = ctx.environment();
  }

  public ServiceState describe() {
    ServiceState state = activities.platform("describe " + service).describeService(policy.platform(), service, environment);
    status.live(state.liveColour(), state.liveVersion());
    return state;
  }

  /** The colour that keeps serving (and the release it runs) and the colour that gets the new release. */
  public record Colours(String stable, String fresh, String stableVersion) {}

  /**
   * Reads the service and picks the colours: the live one stays stable, the idle one gets {@code
   * version}. Empty when {@code version} is already live (nothing to deploy).
   */
  public Optional<Colours> prepare(String version) {
    ServiceState state = describe();
    if (version.equals(state.liveVersion())) {
      return Optional.empty();
    }
    Colours colours = new Colours(state.liveColour(), state.idleColour(), state.liveVersion());
    status.colours(colours.stable(), colours.fresh());
    status.weights(colours.stable(), 100, colours.fresh());
    return Optional.of(colours);
  }

  /** Deploys {@code version} to {@code colour} (no traffic yet); undo retires the colour. */
  public void deploy(int step, String colour, String version) {
    status.phase(Phase.DEPLOYING, "deploying " + version + " to " + colour);
    status.stepRunning(step, "deploying " + version + " to " + colour);
    compensations.add("retire " + colour, () ->
        activities.compensation("retire " + colour).retireSlot(policy.platform(), service, environment, colour));
    activities.platform("deploy " + version + " to " + colour).deployRelease(policy.platform(), service, environment, colour, version);
    status.stepState(step, StepState.SUCCEEDED, version + " running on " + colour);
  }

  /** Smoke-tests {@code colour}; a failure triggers a rollback before it gets any traffic. */
  public void smokeTest(int step, String colour) {
    status.phase(Phase.SMOKE_TESTING, "smoke testing " + colour);
    status.stepRunning(step, "health check and requests against " + colour);
    SmokeResult result = activities.platform("smoke test " + colour).smokeTest(policy.platform(), service, environment, colour);
    if (!result.passed()) {
      status.stepState(step, StepState.FAILED, result.detail());
      throw new RollbackTrigger("smoke-test", "smoke test of " + colour + " failed: " + result.detail(), null);
    }
    status.stepState(step, StepState.SUCCEEDED, result.checks() + " checks passed");
  }

  /** Sends {@code weight}% to {@code canary}; the first call registers "all traffic back to stable". */
  public void shift(String canary, int weight, String stable) {
    if (!stableProtected) {
      stableProtected = true;
      compensations.add("all traffic back to " + stable, () -> {
        activities.compensation("traffic 100% back to " + stable).shiftTraffic(policy.platform(), service, environment, stable, 100);
        status.weights(stable, 100, canary);
        if (cutOver) {
          activities.compensation("make " + stable + " live again").markLive(policy.platform(), service, environment, stable);
        }
      });
    }
    status.phase(Phase.SHIFTING_TRAFFIC, "shifting " + weight + "% of traffic to " + canary);
    activities.platform("shift " + weight + "% to " + canary).shiftTraffic(policy.platform(), service, environment, canary, weight);
    status.weights(canary, weight, stable);
  }

  /** Makes {@code canary} live (it must have 100%); the old colour stays up as standby. */
  public void cutover(String canary, String version) {
    status.phase(Phase.CUTTING_OVER, canary + " takes all traffic; the old colour is standby");
    cutOver = true;
    activities.platform("make " + canary + " live").markLive(policy.platform(), service, environment, canary);
    status.live(canary, version);
  }

  /**
   * Waits {@code delaySeconds}, the procedure's retire delay (an abort during it still rolls back:
   * the old colour is still up), then retires the old colour: the point of no return, so the
   * compensations are dropped first.
   */
  public void retireAfterDelay(int step, String oldColour, long delaySeconds) {
    status.phase(Phase.RETIRING_OLD, "retiring " + oldColour + " after " + Durations.human(delaySeconds));
    status.stepRunning(step, "standby until " + Durations.human(delaySeconds) + " have passed");
    if (delaySeconds > 0) {
      Workflow.newTimer(Duration.ofSeconds(delaySeconds),
          TimerOptions.newBuilder().setSummary("keep " + oldColour + " as standby").build()).get();
    }
    ctx.pointOfNoReturn(oldColour + " is being retired; start a rollback to bring a release back");
    activities.compensation("retire " + oldColour).retireSlot(policy.platform(), service, environment, oldColour);
    status.stepState(step, StepState.SUCCEEDED, oldColour + " retired");
  }
}

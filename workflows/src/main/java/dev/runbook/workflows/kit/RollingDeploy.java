package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.InstanceState;
import dev.runbook.workflows.contract.ServiceState;
import java.util.List;

/**
 * The rolling strategy of a code deploy (seed 004): the live colour's instances get the new
 * release in batches ({@link InstanceBatches}). Each replaced instance registers "back to the
 * release it ran" before it changes, so a rule or failed health check rolls back only the
 * instances replaced so far, in reverse. A batch is watched against the instances still on the
 * old release (same colour, told apart by version); the last batch has no baseline left.
 */
public final class RollingDeploy {
  private final RunContext ctx;
  private final InstanceBatches batches;

  public RollingDeploy(RunContext ctx, WatchWindow window) {
    this.ctx = ctx;
    this.batches = new InstanceBatches(ctx, window);
  }

  /** Rolls {@code version} out; returns the run's one-line summary. */
  public String roll(String version) {
    EnvironmentPolicy policy = ctx.policy();
    ServiceState state = new BlueGreen(ctx).describe();
    String colour = state.liveColour();
    String oldVersion = state.liveVersion();
    List<InstanceState> instances = ctx.activities().instances("list instances of " + colour)
        .listInstances(policy.platform(), ctx.service(), ctx.environment(), colour);
    List<Integer> todo = instances.stream().filter(i -> !version.equals(i.version())).map(InstanceState::index).toList();
    if (todo.isEmpty()) {
      return version + " already runs on every instance of " + colour + "; nothing to do";
    }
    List<List<Integer>> plan = batches.split(todo);
    int[] steps = batches.addSteps(plan, version);
    ctx.status().log("rolling " + version + " over " + todo.size() + " of " + instances.size() + " instances of "
        + colour + " in " + plan.size() + " batches");
    for (int b = 0; b < plan.size(); b++) {
      boolean last = b == plan.size() - 1;
      ServiceTarget target = last ? ServiceTarget.alone(colour, version)
          : new ServiceTarget(colour, version, colour, oldVersion);
      batches.run(steps[b], b, plan, colour, "replacing", index -> replace(colour, index,
          InstanceBatches.versionOf(instances, index), version), target);
    }
    ctx.status().live(colour, version);
    return version + " on all " + instances.size() + " instances of " + colour + " (" + plan.size() + " batches)";
  }

  private void replace(String colour, int index, String was, String version) {
    EnvironmentPolicy policy = ctx.policy();
    ctx.compensations().add("instance " + index + " back to " + was, () -> ctx.activities()
        .instancesUndo("instance " + index + " back to " + was)
        .replaceInstance(policy.platform(), ctx.service(), ctx.environment(), colour, index, was));
    ctx.activities().instances("replace instance " + index + " with " + version)
        .replaceInstance(policy.platform(), ctx.service(), ctx.environment(), colour, index, version);
  }
}

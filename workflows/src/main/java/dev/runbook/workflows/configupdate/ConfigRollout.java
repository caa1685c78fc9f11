package dev.runbook.workflows.configupdate;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.ConfigChange;
import dev.runbook.workflows.contract.ConfigSnapshot;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.InstanceActivities;
import dev.runbook.workflows.contract.InstanceState;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.kit.BlueGreen;
import dev.runbook.workflows.kit.InstanceBatches;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.kit.WatchWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The steps of a config update: snapshot, apply, rolling restart. The undo is registered before
 * the change is applied (a timed-out apply may have landed): restore the recorded revision, then
 * restart every instance of the colour in order so each runs the old config again.
 */
final class ConfigRollout {
  private final RunContext ctx;
  private final InstanceBatches batches;

  ConfigRollout(RunContext ctx, WatchWindow window) {
    this.ctx = ctx;
    this.batches = new InstanceBatches(ctx, window);
  }

  String apply(ConfigChange change) {
    StatusTracker status = ctx.status();
    EnvironmentPolicy policy = ctx.policy();
    int snapshotStep = status.addStep("Record the current config");
    int applyStep = status.addStep("Apply " + describe(change));

    status.phase(Phase.STARTING, "recording the config of " + ctx.service());
    status.stepRunning(snapshotStep, "reading the config");
    ConfigSnapshot before = ctx.activities().instances("read config").readConfig(policy.platform(), ctx.service(),
        ctx.environment());
    status.stepState(snapshotStep, StepState.SUCCEEDED, "revision " + before.revision() + " (" + before.hash() + ")");

    ServiceState state = new BlueGreen(ctx).describe();
    String colour = state.liveColour();
    List<InstanceState> instances = ctx.activities().instances("list instances of " + colour)
        .listInstances(policy.platform(), ctx.service(), ctx.environment(), colour);
    List<Integer> all = instances.stream().map(InstanceState::index).toList();

    status.phase(Phase.DEPLOYING, "applying " + describe(change));
    status.stepRunning(applyStep, describe(change));
    ctx.compensations().add("config back to revision " + before.revision() + " and restart",
        () -> restore(before, colour, all));
    ConfigSnapshot after = ctx.activities().instances("apply config").applyConfig(policy.platform(), ctx.service(),
        ctx.environment(), change);
    if (after.hash().equals(before.hash())) {
      status.stepState(applyStep, StepState.SUCCEEDED, "the config already had these values; nothing to restart");
      return "config of " + ctx.service() + " unchanged (revision " + before.revision() + ")";
    }
    status.stepState(applyStep, StepState.SUCCEEDED, "revision " + after.revision() + " (" + after.hash() + ")");

    List<List<Integer>> plan = batches.split(all);
    int[] steps = batches.addSteps(plan, "config revision " + after.revision());
    for (int b = 0; b < plan.size(); b++) {
      batches.run(steps[b], b, plan, colour, "restarting", index -> restart(colour, index),
          ServiceTarget.alone(colour, state.liveVersion()));
    }
    return "config revision " + after.revision() + " (" + after.hash() + ") on all " + all.size()
        + " instances of " + colour;
  }

  private void restart(String colour, int index) {
    ctx.activities().instances("restart instance " + index).restartInstance(ctx.policy().platform(), ctx.service(),
        ctx.environment(), colour, index);
  }

  /** Puts the recorded config back and restarts every instance on it. */
  private void restore(ConfigSnapshot before, String colour, List<Integer> all) {
    InstanceActivities undo = ctx.activities().instancesUndo("config back to revision " + before.revision());
    String platform = ctx.policy().platform();
    ConfigSnapshot restored = undo.restoreConfig(platform, ctx.service(), ctx.environment(), before.revision());
    for (int index : all) {
      ctx.activities().instancesUndo("restart instance " + index + " on the restored config")
          .restartInstance(platform, ctx.service(), ctx.environment(), colour, index);
    }
    ctx.status().log("config restored: revision " + restored.revision() + " (" + restored.hash() + ", as revision "
        + before.revision() + "), " + all.size() + " instances restarted");
  }

  /** "set REQUEST_TIMEOUT_MS; secrets DB_PASSWORD; unset OLD_FLAG": key names only, never values. */
  static String describe(ConfigChange change) {
    List<String> parts = new ArrayList<>();
    if (!change.set().isEmpty()) {
      parts.add("set " + String.join(", ", new TreeSet<>(change.set().keySet())));
    }
    if (!change.secretRefs().isEmpty()) {
      parts.add("secrets " + String.join(", ", new TreeSet<>(change.secretRefs().keySet())));
    }
    if (!change.unset().isEmpty()) {
      parts.add("unset " + String.join(", ", new TreeSet<>(change.unset())));
    }
    return String.join("; ", parts);
  }
}

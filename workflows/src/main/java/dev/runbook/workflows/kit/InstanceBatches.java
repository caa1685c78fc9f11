package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.InstanceHealth;
import dev.runbook.workflows.contract.InstanceState;
import dev.runbook.workflows.contract.RollingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * A colour's instances changed batch by batch (a rolling deploy replaces them, a config update
 * restarts them): one status step per batch, each instance's undo registered before it changes,
 * the batch health-checked over HTTP (an instance that never answers 200 rolls back), then watched
 * with the environment's rules. Shared by the procedures so both read the same in the status.
 */
public final class InstanceBatches {
  private final RunContext ctx;
  private final WatchWindow window;
  private final RollingPolicy rolling;

  public InstanceBatches(RunContext ctx, WatchWindow window) {
    this.ctx = ctx;
    this.window = window;
    this.rolling = ctx.policy().rollout().rollingOrDefault();
  }

  /** {@code indices} in batches of the policy's size, in order. */
  public List<List<Integer>> split(List<Integer> indices) {
    List<List<Integer>> batches = new ArrayList<>();
    for (int i = 0; i < indices.size(); i += rolling.batchSize()) {
      batches.add(List.copyOf(indices.subList(i, Math.min(indices.size(), i + rolling.batchSize()))));
    }
    return batches;
  }

  /** One status step per batch, named "Batch 1/2: instances 0, 1 → v1.5.1 (watch 30s)"; their indices. */
  public int[] addSteps(List<List<Integer>> batches, String change) {
    int[] steps = new int[batches.size()];
    for (int b = 0; b < batches.size(); b++) {
      steps[b] = ctx.status().addStep(label(b, batches) + ": " + names(batches.get(b)) + " → " + change
          + (rolling.batchWatchSeconds() > 0 ? " (watch " + dev.runbook.workflows.api.Durations.human(
              rolling.batchWatchSeconds()) + ")" : ""));
    }
    return steps;
  }

  /**
   * Runs batch {@code b}: {@code change} on each instance (which registers its own undo first),
   * the health check, then a watch of {@code target} (skipped when the policy's batch watch is 0).
   */
  public void run(int step, int b, List<List<Integer>> batches, String colour, String verb, IntConsumer change,
      ServiceTarget target) {
    StatusTracker status = ctx.status();
    List<Integer> batch = batches.get(b);
    String label = label(b, batches);
    status.phase(Phase.DEPLOYING, label + ": " + verb + " " + names(batch) + " of " + colour);
    status.stepRunning(step, verb + " " + names(batch));
    batch.forEach(change::accept);
    healthCheck(step, label, colour, batch);
    if (rolling.batchWatchSeconds() > 0) {
      window.watchAndDecide(step, label, target, rolling.batchWatchSeconds());
    }
    status.stepState(step, StepState.SUCCEEDED, names(batch) + " healthy");
    status.log(label + " done: " + names(batch) + " of " + colour);
  }

  private void healthCheck(int step, String label, String colour, List<Integer> batch) {
    EnvironmentPolicy policy = ctx.policy();
    ctx.status().phase(Phase.SMOKE_TESTING, label + ": health checks of " + names(batch));
    InstanceHealth health = ctx.activities().instances("health of " + names(batch)).checkInstances(policy.platform(),
        ctx.service(), ctx.environment(), colour, batch, rolling.healthTimeoutSeconds());
    if (!health.healthy()) {
      ctx.status().stepState(step, StepState.FAILED, health.detail());
      throw new RollbackTrigger("health-check", label + ": " + health.detail(), null);
    }
  }

  /** The version each instance ran when read, by index. */
  public static String versionOf(List<InstanceState> instances, int index) {
    return instances.stream().filter(i -> i.index() == index).findFirst().map(InstanceState::version).orElse(null);
  }

  private static String label(int b, List<List<Integer>> batches) {
    return "Batch " + (b + 1) + "/" + batches.size();
  }

  static String names(List<Integer> batch) {
    return (batch.size() == 1 ? "instance " : "instances ")
        + batch.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}

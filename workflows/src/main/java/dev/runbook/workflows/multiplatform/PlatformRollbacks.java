package dev.runbook.workflows.multiplatform;

import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.PlatformCall;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.contract.PlatformTarget;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunRecorder;
import io.temporal.failure.ActivityFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The undo of a multi-platform deploy, as one compensation: the platforms changed so far, each with
 * the release recorded before it changed, rolled back newest first. The first rollback that fails
 * stops it ("Rollback failed - escalating"): it pages and the platforms not yet rolled back are
 * left as they are, so a person meets a known state instead of a cascade of half-done rollbacks.
 * Throwing makes the run FAILED ("rollback incomplete"), which also opens an incident.
 */
final class PlatformRollbacks {
  private record Changed(PlatformTarget target, PlatformRelease before) {}

  private final RunContext ctx;
  private final RunRecorder recorder;
  private final List<Changed> changed = new ArrayList<>();

  PlatformRollbacks(RunContext ctx, RunRecorder recorder) {
    this.ctx = ctx;
    this.recorder = recorder;
  }

  /** Called before the platform is asked to change: a call that timed out may have landed. */
  void changing(PlatformTarget target, PlatformRelease before) {
    changed.add(new Changed(target, before));
  }

  boolean isEmpty() {
    return changed.isEmpty();
  }

  void rollBackAll() {
    var status = ctx.status();
    List<Changed> newestFirst = new ArrayList<>(changed);
    java.util.Collections.reverse(newestFirst);
    List<Integer> steps = new ArrayList<>();
    for (Changed c : newestFirst) {
      steps.add(status.addStep("Roll back " + c.target().name() + " to " + c.before().version()
          + " (" + c.before().releaseId() + ")"));
    }
    for (int i = 0; i < newestFirst.size(); i++) {
      Changed c = newestFirst.get(i);
      int step = steps.get(i);
      status.stepRunning(step, "redeploying " + c.before().image());
      try {
        PlatformRelease back = ctx.activities().undo(MultiPlatformActivities.class, "roll back " + c.target().name())
            .rollBackPlatform(new PlatformCall(c.target().name(), ctx.environment(), ctx.service(),
                c.before().version(), c.before()));
        status.stepState(step, StepState.ROLLED_BACK, c.target().name() + " on " + back.version()
            + " (" + back.releaseId() + ")");
      } catch (ActivityFailure e) {
        escalate(newestFirst, steps, i, Failures.rootMessage(e));
        throw e;
      }
    }
    changed.clear();
  }

  private void escalate(List<Changed> newestFirst, List<Integer> steps, int failedAt, String why) {
    var status = ctx.status();
    Changed failed = newestFirst.get(failedAt);
    status.stepState(steps.get(failedAt), StepState.FAILED, "Rollback failed - escalating: " + why);
    List<String> untouched = new ArrayList<>();
    for (int j = failedAt + 1; j < newestFirst.size(); j++) {
      Changed left = newestFirst.get(j);
      untouched.add(left.target().name());
      status.stepState(steps.get(j), StepState.SKIPPED, "left as it is: rollback of " + failed.target().name()
          + " failed, escalated to a person");
    }
    status.log("Rollback failed - escalating: " + failed.target().name() + " (" + why + ")");
    recorder.notify(Severity.PAGE, "multi-platform-rollback-failed",
        "Rollback failed - escalating: " + ctx.service() + " on " + failed.target().name() + " in " + ctx.environment(),
        failed.target().name() + " could not go back to " + failed.before().version() + " ("
            + failed.before().releaseId() + ", " + failed.before().image() + "): " + why
            + (untouched.isEmpty() ? "" : "; left as they are: " + String.join(", ", untouched)));
  }
}

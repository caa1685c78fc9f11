package dev.runbook.workflows.kit;

import dev.runbook.workflows.contract.RunControlActivities;
import dev.runbook.workflows.contract.TargetPaths;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Test-only: a run that takes learning-api in local (or pre-empts a code deploy holding it), then releases it. */
@WorkflowInterface
public interface LockedWorkflow {

  @WorkflowMethod
  String change(boolean preempt);

  class Impl implements LockedWorkflow {
    @Override
    public String change(boolean preempt) {
      TargetLock lock = TargetLock.forThisRun(TargetLock::activities, preempt ? "emergency-deploy" : "code-deploy", "carol");
      List<String> targets = List.of(TargetPaths.service("local", "learning-api"));
      try {
        if (preempt) {
          RunControlActivities control = Workflow.newActivityStub(RunControlActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
          lock.acquireOrPreempt(targets, false, Set.of("code-deploy"), control, "carol", "emergency fix");
        } else {
          lock.acquire(targets, true);
        }
        lock.preemptible(false);
        return "changed";
      } finally {
        lock.release();
      }
    }
  }
}

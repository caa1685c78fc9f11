package dev.runbook.workflows.lessonupdate;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.kit.RolloutLoop;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.kit.StepAction;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Major (seed 000 procedure 2): archive, count, flag 10% → 50% → 100%, current, remove the flag later. */
final class MajorRollout {
  private final RunContext ctx;
  private final RolloutLoop rollout;
  private final LessonSteps steps;
  private final LessonCandidate candidate;
  private final long removeAfter;

  MajorRollout(RunContext ctx, RolloutLoop rollout, LessonSteps steps, LessonCandidate candidate, LessonPolicy policy) {
    this.ctx = ctx;
    this.rollout = rollout;
    this.steps = steps;
    this.candidate = candidate;
    this.removeAfter = policy.flagRemovalAfterSeconds();
  }

  String run(String yaml) {
    StatusTracker status = ctx.status();
    String environment = ctx.environment();
    String lesson = ctx.service();
    String version = candidate.version();
    String previous = candidate.publishedVersion();
    String flag = candidate.flagName();
    int archiveStep = status.addStep("Archive " + previous);
    int countStep = status.addStep("Count learners per compatibility rule");
    int storeStep = status.addStep("Store " + version + " behind flag " + flag);
    int[] stepIndex = ctx.policy().rollout().steps().stream().mapToInt(s -> status.addStep(flagLabel(s))).toArray();
    int currentStep = status.addStep("Make " + version + " current and tell learners");
    int removeStep = status.addStep("Remove flag " + flag + " after " + Durations.human(removeAfter));

    status.phase(Phase.PUBLISHING, "archiving " + previous);
    status.stepRunning(archiveStep, "kept for learners who started it");
    steps.store("archive " + previous).archive(environment, lesson, previous, status.workflowId());
    status.stepState(archiveStep, StepState.SUCCEEDED, previous + " archived; learners who started it may keep it");

    status.stepRunning(countStep, "the learners " + version + " touches");
    LearnerImpact impact = steps.store("count learners").countLearners(environment, lesson, version);
    status.log("learners touched by " + version + ": " + impact.summary());
    status.stepState(countStep, StepState.SUCCEEDED, impact.summary());

    status.stepRunning(storeStep, "not served to anyone yet");
    steps.storeCandidate(yaml);
    ctx.compensations().add("flag " + flag + " to 0%", () -> steps.undo("flag " + flag + " to 0%")
        .setFlag(environment, flag, lesson, version, 0, status.workflowId()));
    status.stepState(storeStep, StepState.SUCCEEDED, "stored; flag " + flag + " decides who gets it");

    rollout.rollOut(stepIndex, new ServiceTarget(version, version, previous, previous), new StepAction() {
      @Override
      public String label(RolloutStep step) {
        return flagLabel(step);
      }

      @Override
      public String describe(RolloutStep step) {
        return "flag " + flag + " serves " + version + " to " + step.weight() + "% of new learners";
      }

      @Override
      public void apply(RolloutStep step, boolean last) {
        status.phase(Phase.SHIFTING_TRAFFIC, "flag " + flag + " to " + step.weight() + "%");
        steps.store("flag " + flag + " to " + step.weight() + "%")
            .setFlag(environment, flag, lesson, version, step.weight(), status.workflowId());
        status.weights(version, step.weight(), previous);
      }
    });

    status.phase(Phase.CUTTING_OVER, version + " becomes current");
    status.stepRunning(currentStep, previous + " → " + version);
    steps.makeCurrent(version, previous);
    status.stepState(currentStep, StepState.SUCCEEDED, version + " current; " + steps.notifyLearners(version));

    // The flag stays at 100% as a kill switch: an abort until it is removed still rolls back.
    status.phase(Phase.RETIRING_OLD, "flag " + flag + " kept for " + Durations.human(removeAfter) + " as a kill switch");
    status.stepRunning(removeStep, "an abort rolls back until then");
    if (removeAfter > 0) {
      Workflow.newTimer(Duration.ofSeconds(removeAfter),
          TimerOptions.newBuilder().setSummary("keep flag " + flag + " as a kill switch").build()).get();
    }
    ctx.pointOfNoReturn("flag " + flag + " is being removed and " + version
        + " is current; publish a new version to change the lesson");
    steps.store("remove flag " + flag).removeFlag(environment, flag);
    status.stepState(removeStep, StepState.SUCCEEDED, "flag removed");
    return version + " current for every learner; flag " + flag + " removed";
  }

  static String flagLabel(RolloutStep step) {
    return "Flag " + step.weight() + "% of new learners"
        + (step.watchSeconds() > 0 ? " (watch " + Durations.human(step.watchSeconds()) + ")" : "");
  }
}

package dev.runbook.workflows.lessonupdate;

import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.TargetPaths;
import dev.runbook.workflows.api.Refusal;
import dev.runbook.workflows.kit.Preemption;
import dev.runbook.workflows.kit.Refusals;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StatusTracker;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** See {@link LessonUpdateWorkflow}. */
public class LessonUpdateWorkflowImpl extends RunbookWorkflowBase implements LessonUpdateWorkflow {
  private LessonPolicy lessonPolicy;
  private LessonCandidate candidate;
  private LessonSteps steps;

  @Override
  public RunbookResult update(LessonUpdateRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    LessonUpdateRequest request = input != null ? input : new LessonUpdateRequest(null, null, null, null, null, null);
    StatusTracker status = tracker();
    begin(Procedure.LESSON_UPDATE, request.lessonId(), request.environment(), null, request.requestedBy(),
        request.requestId(), null, problems(input, request), input);
    lessonPolicy = beforeChange(() -> RunbookActivities.beforePolicy(LessonStoreActivities.class, "resolve lesson policy")
        .resolveLessonPolicy(request.lessonId(), request.environment()), false);

    int checkStep = status.addStep("Validate, classify and render " + request.lessonFile());
    status.phase(Phase.VALIDATING, "checking " + request.lessonFile());
    status.stepRunning(checkStep, "validation, version classification, render check");
    candidate = beforeChange(() -> RunbookActivities.beforePolicy(LessonStoreActivities.class, "check " + request.lessonFile())
        .check(ctx().environment(), ctx().service(), request.lessonFile(), request.lessonYaml()), true);
    announceVersion(candidate.version());
    usePolicy(lessonPolicy.rollout()); // records the run with its version
    singleFlight().take(TargetPaths.lesson(request.environment(), request.lessonId()), Preemption.exclusive());
    steps = new LessonSteps(ctx(), candidate);
    // Lesson updates move no platform slots: what is live is the version new learners get.
    recorder().liveStateFrom(() -> status.live(null, steps.servedVersion()));
    status.live(null, steps.servedVersion());
    status.stepState(checkStep, StepState.SUCCEEDED, describe(candidate));
    if (candidate.version().equals(candidate.publishedVersion())) {
      // the same content is already current (a CI retry after success): changing nothing is the success
      return run(() -> candidate.version() + " is already current with this content; nothing to do");
    }
    return run(() -> candidate.change().staged()
        ? new MajorRollout(ctx(), rollout(), steps, candidate, lessonPolicy).run(request.lessonYaml())
        : publishNow(request.lessonYaml()));
  }

  /**
   * The request's problems, plus a workflow id other than the business key: the store takes no
   * locks, so one run per lesson and environment is what keeps two updates from interleaving.
   */
  private static List<String> problems(LessonUpdateRequest input, LessonUpdateRequest request) {
    List<String> problems = new ArrayList<>(RequestValidation.lessonUpdate(input));
    String key = Procedure.LESSON_UPDATE.workflowId(request.lessonId(), request.environment());
    if (problems.isEmpty() && !Workflow.getInfo().getWorkflowId().equals(key)) {
      problems.add("workflow id '" + Workflow.getInfo().getWorkflowId() + "' must be '" + key
          + "' (one run per lesson and environment); start it with that id");
    }
    return problems;
  }

  /** First release, patch or minor (seed 000 procedure 1): current at once, then watched. */
  private String publishNow(String yaml) {
    StatusTracker status = tracker();
    String version = candidate.version();
    String previous = candidate.publishedVersion();
    int publishStep = status.addStep("Publish " + version + " as current");
    int notifyStep = candidate.change() == LessonChange.MINOR ? status.addStep("Notify learners (\"Updated\" badge)") : -1;
    long watchSeconds = lessonPolicy.updateWatchSeconds();
    int watchStep = watchSeconds > 0 ? status.addStep("Watch " + version + " (" + Durations.human(watchSeconds) + ")") : -1;

    status.phase(Phase.PUBLISHING, "publishing " + version);
    status.stepRunning(publishStep, previous == null ? "first release" : previous + " → " + version);
    steps.storeCandidate(yaml);
    steps.makeCurrent(version, previous);
    status.stepState(publishStep, StepState.SUCCEEDED, previous == null ? "first release, current" : previous + " → " + version);
    if (notifyStep >= 0) {
      status.stepRunning(notifyStep, "learners who started or completed an older version");
      status.stepState(notifyStep, StepState.SUCCEEDED, steps.notifyLearners(version));
    } else {
      status.log(candidate.change() == LessonChange.PATCH ? "patch: learners are not notified" : "first release: nobody to notify");
    }
    if (watchStep >= 0) {
      WatchVerdict verdict = watchWindow().watchAndDecide(watchStep, "lesson " + version,
          ServiceTarget.alone(version, version), watchSeconds);
      status.stepState(watchStep, StepState.SUCCEEDED, verdict == null ? "promoted" : verdict.reason());
    }
    return version + " is current" + (previous == null ? " (first release)" : ", replacing " + previous);
  }

  /**
   * Runs a read-only call before anything changed; its refusal ends the run FAILED, non-retryably.
   *
   * @param record whether the refused run goes to the registry (a refused lesson file does; an
   *     unknown environment, which has no policy, cannot)
   */
  private <T> T beforeChange(Supplier<T> call, boolean record) {
    try {
      return call.get();
    } catch (ActivityFailure e) {
      if (record) {
        usePolicy(lessonPolicy.rollout());
      }
      tracker().failActiveStep(Failures.rootMessage(e));
      Refusal refusal = Refusals.of(e, null);
      if (refusal == null) {
        // timed out or kept failing: nothing was changed, start it again
        throw recorder().failBeforeStart(Failures.rootMessage(e), "LessonStoreUnavailable");
      }
      throw recorder().refuse(Failures.rootMessage(e), refusal);
    }
  }

  private static String describe(LessonCandidate c) {
    if (c.version().equals(c.publishedVersion())) {
      return c.lessonId() + " " + c.version() + ": already current with this content";
    }
    return c.lessonId() + " " + c.version() + ": " + c.change().name().toLowerCase().replace('_', ' ')
        + (c.publishedVersion() == null ? "" : " over " + c.publishedVersion()) + ", renders " + c.renderedLines() + " lines";
  }
}

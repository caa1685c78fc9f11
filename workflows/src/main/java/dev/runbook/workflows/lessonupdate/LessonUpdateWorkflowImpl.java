package dev.runbook.workflows.lessonupdate;

import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.kit.RunbookWorkflowBase;
import dev.runbook.workflows.kit.ServiceTarget;
import dev.runbook.workflows.kit.StepAction;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchVerdict;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** See {@link LessonUpdateWorkflow}. */
public class LessonUpdateWorkflowImpl extends RunbookWorkflowBase implements LessonUpdateWorkflow {
  private LessonPolicy lessonPolicy;
  private LessonCandidate candidate;
  /** What new learners get now; kept current by the forward steps and the compensations. */
  private String servedVersion;

  @Override
  public RunbookResult update(LessonUpdateRequest input) {
    // a Start Workflow form sent without input arrives as null: fail with the validation message
    LessonUpdateRequest request = input != null ? input : new LessonUpdateRequest(null, null, null, null, null, null);
    begin(Procedure.LESSON_UPDATE, request.lessonId(), request.environment(), null, request.requestedBy(),
        request.requestId(), null, problems(input, request));
    lessonPolicy = beforeChange(() -> RunbookActivities.beforePolicy(LessonStoreActivities.class, "resolve lesson policy")
        .resolveLessonPolicy(request.lessonId(), request.environment()), false);

    int checkStep = status.addStep("Validate, classify and render " + request.lessonFile());
    status.phase(Phase.VALIDATING, "checking " + request.lessonFile());
    status.stepRunning(checkStep, "validation, version classification, render check");
    candidate = beforeChange(() -> RunbookActivities.beforePolicy(LessonStoreActivities.class, "check " + request.lessonFile())
        .check(environment(), service(), request.lessonFile(), request.lessonYaml()), true);
    announceVersion(candidate.version());
    usePolicy(lessonPolicy.rollout()); // records the run with its version
    servedVersion = candidate.publishedVersion();
    status.live(null, servedVersion);
    status.stepState(checkStep, StepState.SUCCEEDED, describe(candidate));
    if (candidate.version().equals(candidate.publishedVersion())) {
      // the same content is already current (a CI retry after success): changing nothing is the success
      return run(() -> candidate.version() + " is already current with this content; nothing to do");
    }
    return run(() -> candidate.change().staged() ? rollOutMajor(request.lessonYaml()) : publishNow(request.lessonYaml()));
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
    String version = candidate.version();
    String previous = candidate.publishedVersion();
    int publishStep = status.addStep("Publish " + version + " as current");
    int notifyStep = candidate.change() == LessonChange.MINOR ? status.addStep("Notify learners (\"Updated\" badge)") : -1;
    long watchSeconds = lessonPolicy.updateWatchSeconds();
    int watchStep = watchSeconds > 0 ? status.addStep("Watch " + version + " (" + Durations.human(watchSeconds) + ")") : -1;

    status.phase(Phase.PUBLISHING, "publishing " + version);
    status.stepRunning(publishStep, previous == null ? "first release" : previous + " → " + version);
    storeCandidate(yaml);
    makeCurrent(version, previous);
    status.stepState(publishStep, StepState.SUCCEEDED, previous == null ? "first release, current" : previous + " → " + version);
    if (notifyStep >= 0) {
      status.stepRunning(notifyStep, "learners who started or completed an older version");
      status.stepState(notifyStep, StepState.SUCCEEDED, notifyLearners(version));
    } else {
      status.log(candidate.change() == LessonChange.PATCH ? "patch: learners are not notified" : "first release: nobody to notify");
    }
    if (watchStep >= 0) {
      String label = "lesson " + version;
      WatchVerdict verdict = watch(watchStep, label, new ServiceTarget(version, version, null), watchSeconds);
      if (verdict != null && verdict.result() == WatchResult.INCONCLUSIVE) {
        awaitApproval(watchStep, label, "metrics inconclusive, a person decides: " + verdict.reason(), true);
      }
      status.stepState(watchStep, StepState.SUCCEEDED, verdict == null ? "promoted" : verdict.reason());
    }
    return version + " is current" + (previous == null ? " (first release)" : ", replacing " + previous);
  }

  /** Major (seed 000 procedure 2): archive, count, flag 10% → 50% → 100%, current, remove the flag later. */
  private String rollOutMajor(String yaml) {
    String version = candidate.version();
    String previous = candidate.publishedVersion();
    String flag = candidate.flagName();
    long removeAfter = lessonPolicy.flagRemovalAfterSeconds();
    int archiveStep = status.addStep("Archive " + previous);
    int countStep = status.addStep("Count learners per compatibility rule");
    int storeStep = status.addStep("Store " + version + " behind flag " + flag);
    int[] stepIndex = policy.steps().stream().mapToInt(s -> status.addStep(flagLabel(s))).toArray();
    int currentStep = status.addStep("Make " + version + " current and tell learners");
    int removeStep = status.addStep("Remove flag " + flag + " after " + Durations.human(removeAfter));

    status.phase(Phase.PUBLISHING, "archiving " + previous);
    status.stepRunning(archiveStep, "kept for learners who started it");
    store("archive " + previous).archive(environment(), service(), previous, status.workflowId());
    status.stepState(archiveStep, StepState.SUCCEEDED, previous + " archived; learners who started it may keep it");

    status.stepRunning(countStep, "the learners " + version + " touches");
    LearnerImpact impact = store("count learners").countLearners(environment(), service(), version);
    status.log("learners touched by " + version + ": " + impact.summary());
    status.stepState(countStep, StepState.SUCCEEDED, impact.summary());

    status.stepRunning(storeStep, "not served to anyone yet");
    storeCandidate(yaml);
    compensations.add("flag " + flag + " to 0%", () -> undo("flag " + flag + " to 0%")
        .setFlag(environment(), flag, service(), version, 0, status.workflowId()));
    status.stepState(storeStep, StepState.SUCCEEDED, "stored; flag " + flag + " decides who gets it");

    rollOut(stepIndex, new ServiceTarget(version, version, previous), new StepAction() {
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
        store("flag " + flag + " to " + step.weight() + "%")
            .setFlag(environment(), flag, service(), version, step.weight(), status.workflowId());
        status.weights(version, step.weight(), previous);
      }
    });

    status.phase(Phase.CUTTING_OVER, version + " becomes current");
    status.stepRunning(currentStep, previous + " → " + version);
    makeCurrent(version, previous);
    status.stepState(currentStep, StepState.SUCCEEDED, version + " current; " + notifyLearners(version));

    // The flag stays at 100% as a kill switch: an abort until it is removed still rolls back.
    status.phase(Phase.RETIRING_OLD, "flag " + flag + " kept for " + Durations.human(removeAfter) + " as a kill switch");
    status.stepRunning(removeStep, "an abort rolls back until then");
    if (removeAfter > 0) {
      Workflow.newTimer(Duration.ofSeconds(removeAfter),
          TimerOptions.newBuilder().setSummary("keep flag " + flag + " as a kill switch").build()).get();
    }
    compensations.seal("flag " + flag + " is being removed and " + version + " is current; publish a new version to change the lesson");
    store("remove flag " + flag).removeFlag(environment(), flag);
    status.stepState(removeStep, StepState.SUCCEEDED, "flag removed");
    return version + " current for every learner; flag " + flag + " removed";
  }

  /** Stores the content (not served yet); the compensation withdraws it, so its number is never reused. */
  private void storeCandidate(String yaml) {
    String version = candidate.version();
    compensations.add("withdraw " + version, () -> {
      int restarting = undo("withdraw " + version).withdraw(environment(), service(), version,
          "rolled back by " + status.workflowId(), status.workflowId());
      if (candidate.publishedVersion() == null) {
        servedVersion = null; // withdrawing a first release unpublishes the lesson
        status.log(version + " unpublished; " + restarting + " learner(s) in progress keep their XP and completions");
      } else {
        status.log(restarting + " learner(s) in progress on " + version + " go on with " + servedVersion + ", XP kept");
      }
    });
    store("store " + version).store(environment(), candidate, yaml, status.workflowId());
  }

  /** Registers "make {@code previous} current again" before the switch (its outcome may be unknown). */
  private void makeCurrent(String version, String previous) {
    if (previous != null) {
      compensations.add("make " + previous + " current again", () -> {
        if (candidate.change().staged()) {
          // first the flag: once the previous version is current, a flag at 100% would send every
          // new learner to the version being rolled back until the next compensation ran
          undo("flag " + candidate.flagName() + " to 0%").setFlag(environment(), candidate.flagName(), service(),
              version, 0, status.workflowId());
        }
        undo("make " + previous + " current").makeCurrent(environment(), service(), previous, status.workflowId());
        servedVersion = previous;
      });
    }
    store("make " + version + " current").makeCurrent(environment(), service(), version, status.workflowId());
    servedVersion = version;
    status.live(null, version);
  }

  private String notifyLearners(String version) {
    Map<String, Integer> sent = store("notify learners").notifyLearners(environment(), service(), version, status.workflowId());
    String summary = sent.isEmpty() ? "no learner to notify" : "notices " + sent;
    status.log(summary);
    return summary;
  }

  /** Lesson updates move no platform slots: what is live is the version new learners get. */
  @Override
  protected void recordLive() {
    status.live(null, servedVersion);
  }

  private LessonStoreActivities store(String summary) {
    return activities.step(LessonStoreActivities.class, summary);
  }

  private LessonStoreActivities undo(String summary) {
    return activities.undo(LessonStoreActivities.class, summary);
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
      status.failActiveStep(rootMessage(e));
      failFast(rootMessage(e), failureType(e));
      throw e; // not reached: failFast throws
    }
  }

  private static String failureType(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure af && af.getType() != null) {
        return af.getType();
      }
    }
    return "LessonStoreUnavailable"; // timed out or kept failing: nothing was changed, start it again
  }

  private static String flagLabel(RolloutStep step) {
    return "Flag " + step.weight() + "% of new learners"
        + (step.watchSeconds() > 0 ? " (watch " + Durations.human(step.watchSeconds()) + ")" : "");
  }

  private static String describe(LessonCandidate c) {
    if (c.version().equals(c.publishedVersion())) {
      return c.lessonId() + " " + c.version() + ": already current with this content";
    }
    return c.lessonId() + " " + c.version() + ": " + c.change().name().toLowerCase().replace('_', ' ')
        + (c.publishedVersion() == null ? "" : " over " + c.publishedVersion()) + ", renders " + c.renderedLines() + " lines";
  }
}

package dev.runbook.workflows.schemamigration;

import dev.runbook.workflows.api.Durations;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.kit.ApprovalGate;
import dev.runbook.workflows.kit.RollbackTrigger;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunbookActivities;
import dev.runbook.workflows.progressmigration.ProgressCensus;
import dev.runbook.workflows.progressmigration.ProgressMigrationActivities;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * The watch after maintenance is off (seed 001: {@code user_progress_integrity}, "User Progress
 * Corruption: emergency rollback"): every poll interval a census of the progress table, compared
 * with the one taken at go-live. Learners only ever earn, so documents, total XP and completions
 * never go down; a drop is the rule {@value #RULE} and rolls the migration back. A promote of the
 * step ends the window early; an abort cancels it (and rolls back). Workflow timers, not an
 * activity: a poll is one short read, and a window of hours is a few dozen events.
 */
final class IntegrityWatch {
  static final String RULE = "learner-progress-integrity";

  private final RunContext ctx;

  IntegrityWatch(RunContext ctx) {
    this.ctx = ctx;
  }

  static ProgressCensus census(String environment, String summary) {
    return RunbookActivities.beforePolicy(ProgressMigrationActivities.class, summary).countProgress(environment);
  }

  /** The reason a census taken after {@code baseline} shows a loss, or null when nothing went down. */
  static String loss(ProgressCensus baseline, ProgressCensus now) {
    if (now.documents() < baseline.documents()) {
      return "progress documents went down from " + baseline.documents() + " to " + now.documents();
    }
    if (now.totalXp() < baseline.totalXp()) {
      return "learners' total XP went down from " + baseline.totalXp() + " to " + now.totalXp();
    }
    if (now.completions() < baseline.completions()) {
      return "completions went down from " + baseline.completions() + " to " + now.completions();
    }
    return null;
  }

  /** Watches for {@code windowSeconds}; throws {@link RollbackTrigger} when the rule fires. */
  ProgressCensus watch(int step, String label, ProgressCensus baseline, long windowSeconds, long pollSeconds) {
    ApprovalGate gate = ctx.gate();
    var status = ctx.status();
    status.phase(Phase.WATCHING, "watching learner-progress integrity for " + Durations.human(windowSeconds));
    status.stepRunning(step, "baseline " + baseline);
    gate.open(step, label);
    status.waitingFor("the watch of learner-progress integrity (" + Durations.human(windowSeconds)
        + "); a promote ends it early", ctx.policy().approval().approvers());
    long endsAt = Workflow.currentTimeMillis() + windowSeconds * 1000;
    Duration poll = Duration.ofSeconds(Math.max(1, Math.min(pollSeconds, windowSeconds)));
    ProgressCensus last = baseline;
    int polls = 0;
    while (Workflow.currentTimeMillis() < endsAt) {
      Duration next = Duration.ofMillis(Math.min(poll.toMillis(), endsAt - Workflow.currentTimeMillis()));
      if (Workflow.await(next, () -> gate.promoted(step))) {
        status.log("watch of learner-progress integrity ended early by promotion after " + polls + " poll(s)");
        break;
      }
      last = census(ctx.environment(), "census: learner-progress integrity");
      polls++;
      String loss = loss(baseline, last);
      if (loss != null) {
        throw new RollbackTrigger(RULE, RULE + ": " + loss + " after go-live", Workflow.currentTimeMillis());
      }
    }
    gate.close();
    status.stepState(step, StepState.SUCCEEDED, polls + " poll(s), nothing went down: " + last);
    return last;
  }
}

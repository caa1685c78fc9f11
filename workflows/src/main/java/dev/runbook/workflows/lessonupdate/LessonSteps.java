package dev.runbook.workflows.lessonupdate;

import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.StatusTracker;
import java.util.Map;

/**
 * The lesson-store steps a lesson update takes, each registering its compensation before it acts,
 * and the version new learners get now (kept current by the steps and the compensations).
 */
final class LessonSteps {
  private final RunContext ctx;
  private final LessonCandidate candidate;
  private String servedVersion;

  LessonSteps(RunContext ctx, LessonCandidate candidate) {
    this.ctx = ctx;
    this.candidate = candidate;
    this.servedVersion = candidate.publishedVersion();
  }

  /** What new learners get now. */
  String servedVersion() {
    return servedVersion;
  }

  /** Stores the content (not served yet); the compensation withdraws it, so its number is never reused. */
  void storeCandidate(String yaml) {
    StatusTracker status = ctx.status();
    String version = candidate.version();
    ctx.compensations().add("withdraw " + version, () -> {
      int restarting = undo("withdraw " + version).withdraw(ctx.environment(), ctx.service(), version,
          "rolled back by " + status.workflowId(), status.workflowId());
      if (candidate.publishedVersion() == null) {
        servedVersion = null; // withdrawing a first release unpublishes the lesson
        status.log(version + " unpublished; " + restarting + " learner(s) in progress keep their XP and completions");
      } else {
        status.log(restarting + " learner(s) in progress on " + version + " go on with " + servedVersion + ", XP kept");
      }
    });
    store("store " + version).store(ctx.environment(), candidate, yaml, status.workflowId());
  }

  /** Registers "make {@code previous} current again" before the switch (its outcome may be unknown). */
  void makeCurrent(String version, String previous) {
    String workflowId = ctx.status().workflowId();
    if (previous != null) {
      ctx.compensations().add("make " + previous + " current again", () -> {
        if (candidate.change().staged()) {
          // first the flag: once the previous version is current, a flag at 100% would send every
          // new learner to the version being rolled back until the next compensation ran
          undo("flag " + candidate.flagName() + " to 0%").setFlag(ctx.environment(), candidate.flagName(),
              ctx.service(), version, 0, workflowId);
        }
        undo("make " + previous + " current").makeCurrent(ctx.environment(), ctx.service(), previous, workflowId);
        servedVersion = previous;
      });
    }
    store("make " + version + " current").makeCurrent(ctx.environment(), ctx.service(), version, workflowId);
    servedVersion = version;
    ctx.status().live(null, version);
  }

  String notifyLearners(String version) {
    Map<String, Integer> sent = store("notify learners").notifyLearners(ctx.environment(), ctx.service(), version,
        ctx.status().workflowId());
    String summary = sent.isEmpty() ? "no learner to notify" : "notices " + sent;
    ctx.status().log(summary);
    return summary;
  }

  LessonStoreActivities store(String summary) {
    return ctx.activities().step(LessonStoreActivities.class, summary);
  }

  LessonStoreActivities undo(String summary) {
    return ctx.activities().undo(LessonStoreActivities.class, summary);
  }
}

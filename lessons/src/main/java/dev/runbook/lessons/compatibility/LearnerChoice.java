package dev.runbook.lessons.compatibility;

/** What a learner in progress may pick when a major version arrives (seed 001: "user_choice"). */
public enum LearnerChoice {
  /** Finish the version they started, served from the archive. Completed sections are kept. */
  CONTINUE_STARTED,
  /** Start over on the new version. Sections restart; XP and completions are kept. */
  RESTART_ON_NEW
}

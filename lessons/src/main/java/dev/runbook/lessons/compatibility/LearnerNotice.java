package dev.runbook.lessons.compatibility;

/** How a learner hears about an update (seed 001's communication plan and matrix). */
public enum LearnerNotice {
  /** Patch updates, or nothing changed: no notification. */
  NONE,
  /** Minor updates: an in-app "Updated" badge on the lesson. */
  UPDATED_BADGE,
  /** Major updates for learners who completed the lesson: a bot message with the changelog. */
  CHANGELOG_MESSAGE,
  /** Breaking changes for learners in progress: an interactive continue-or-restart prompt. */
  CHOICE_PROMPT,
  /** The version a learner started is retired: they are told the lesson restarts, XP kept. */
  RESTART_NOTICE;

  public boolean notifies() {
    return this != NONE;
  }
}

package dev.runbook.lessons.compatibility;

import java.util.List;

/** The "Action" column of seed 001's version compatibility matrix, with what each one does. */
public enum CompatibilityAction {
  NONE("None", LearnerNotice.NONE, true, true),
  AUTO_MIGRATE("Auto-migrate", LearnerNotice.NONE, true, true),
  AUTO_MIGRATE_AND_NOTIFY("Auto-migrate + notify", LearnerNotice.UPDATED_BADGE, true, true),
  USER_CHOICE("User choice", LearnerNotice.CHOICE_PROMPT, false, true),
  FORCE_RESTART("Force restart", LearnerNotice.RESTART_NOTICE, true, false);

  private final String seedName;
  private final LearnerNotice notice;
  private final boolean servesCurrentVersion;
  private final boolean keepsCompletedSections;

  CompatibilityAction(String seedName, LearnerNotice notice, boolean servesCurrentVersion,
      boolean keepsCompletedSections) {
    this.seedName = seedName;
    this.notice = notice;
    this.servesCurrentVersion = servesCurrentVersion;
    this.keepsCompletedSections = keepsCompletedSections;
  }

  /** As the seed's table writes it. */
  public String seedName() {
    return seedName;
  }

  public LearnerNotice notice() {
    return notice;
  }

  /**
   * Whether the learner is served the current version right away. A user choice keeps serving the
   * version they started until they pick (seed 001: "load user's original version").
   */
  public boolean servesCurrentVersion() {
    return servesCurrentVersion;
  }

  /** Whether the learner keeps their completed sections (before any choice). */
  public boolean keepsCompletedSections() {
    return keepsCompletedSections;
  }

  /** XP and completions are never taken away, whatever the action (seed 000: "XP is sacred"). */
  public boolean preservesXp() {
    return true;
  }

  public List<LearnerChoice> choices() {
    return this == USER_CHOICE ? List.of(LearnerChoice.CONTINUE_STARTED, LearnerChoice.RESTART_ON_NEW) : List.of();
  }
}

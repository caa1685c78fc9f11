package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.ChangeKind;
import dev.runbook.lessons.SemanticVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows of seed 001's "Version Compatibility Matrix", for a learner who started a lesson at one
 * version while another is current. The seed writes two-part versions; following issue 3, its row
 * "1.0 → 1.1" is the patch row and "1.0 → 1.5" the minor row. Each row carries the seed's columns
 * and an example in full semantic versions, so tests can go over every row.
 */
public enum CompatibilityRule {
  SAME_VERSION("1.0", "1.0", CompatibilityAction.NONE, "None", null, false,
      "1.0.0", "1.0.0"),
  PATCH_UPDATE("1.0", "1.1", CompatibilityAction.AUTO_MIGRATE, "Seamless, no notice", ChangeKind.PATCH, false,
      "1.0.0", "1.0.1"),
  MINOR_UPDATE("1.0", "1.5", CompatibilityAction.AUTO_MIGRATE_AND_NOTIFY, "Continue, see \"Updated\" badge",
      ChangeKind.MINOR, false, "1.0.0", "1.5.0"),
  MAJOR_UPDATE("1.0", "2.0", CompatibilityAction.USER_CHOICE, "Choose: continue or restart", ChangeKind.MAJOR, false,
      "1.0.0", "2.0.0"),
  /** The version the learner started is retired (no longer served from the archive). */
  MAJOR_UPDATE_STARTED_RETIRED("1.x", "2.x", CompatibilityAction.FORCE_RESTART, "Notify + preserve XP",
      ChangeKind.MAJOR, true, "1.4.2", "2.1.0");

  private final String seedUserVersion;
  private final String seedCurrentVersion;
  private final CompatibilityAction action;
  private final String seedUserImpact;
  private final ChangeKind change;
  private final boolean startedVersionRetired;
  private final SemanticVersion exampleStarted;
  private final SemanticVersion exampleCurrent;

  CompatibilityRule(String seedUserVersion, String seedCurrentVersion, CompatibilityAction action,
      String seedUserImpact, ChangeKind change, boolean startedVersionRetired, String exampleStarted,
      String exampleCurrent) {
    this.seedUserVersion = seedUserVersion;
    this.seedCurrentVersion = seedCurrentVersion;
    this.action = action;
    this.seedUserImpact = seedUserImpact;
    this.change = change;
    this.startedVersionRetired = startedVersionRetired;
    this.exampleStarted = SemanticVersion.parse(exampleStarted);
    this.exampleCurrent = SemanticVersion.parse(exampleCurrent);
  }

  /**
   * The row for a learner who started {@code started} while {@code current} is served. The size of
   * the difference decides, in either direction: after a rollback the current version may be the
   * lower one. Retirement only matters across major versions; within one major the learner moves to
   * the current version anyway.
   */
  public static CompatibilityRule select(SemanticVersion started, SemanticVersion current,
      boolean startedVersionRetired) {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(current, "current");
    Optional<ChangeKind> kind = started.changeTo(current).or(() -> current.changeTo(started));
    if (kind.isEmpty()) {
      return SAME_VERSION;
    }
    return switch (kind.get()) {
      case PATCH -> PATCH_UPDATE;
      case MINOR -> MINOR_UPDATE;
      case MAJOR -> startedVersionRetired ? MAJOR_UPDATE_STARTED_RETIRED : MAJOR_UPDATE;
    };
  }

  public String seedUserVersion() {
    return seedUserVersion;
  }

  public String seedCurrentVersion() {
    return seedCurrentVersion;
  }

  public CompatibilityAction action() {
    return action;
  }

  public String seedUserImpact() {
    return seedUserImpact;
  }

  /** The change between the two versions; empty for the same version. */
  public Optional<ChangeKind> change() {
    return Optional.ofNullable(change);
  }

  public boolean startedVersionRetired() {
    return startedVersionRetired;
  }

  public SemanticVersion exampleStarted() {
    return exampleStarted;
  }

  public SemanticVersion exampleCurrent() {
    return exampleCurrent;
  }
}

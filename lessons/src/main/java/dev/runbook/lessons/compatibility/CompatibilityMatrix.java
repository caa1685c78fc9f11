package dev.runbook.lessons.compatibility;

import dev.runbook.lessons.SemanticVersion;
import java.util.Set;

/**
 * Seed 001's version compatibility matrix as code: what a learner is served and told when the
 * current version of a lesson differs from the one they started or completed. Learners who never
 * started the lesson simply get the current version ("new users get v2.0 automatically").
 */
public final class CompatibilityMatrix {
  private CompatibilityMatrix() {}

  /**
   * For a learner in progress.
   *
   * @param retiredVersions versions no longer served from the archive
   */
  public static InProgressDecision inProgress(SemanticVersion started, SemanticVersion current,
      Set<SemanticVersion> retiredVersions) {
    CompatibilityRule rule = CompatibilityRule.select(started, current, retiredVersions.contains(started));
    SemanticVersion served = rule.action().servesCurrentVersion() ? current : started;
    return new InProgressDecision(rule, started, current, served);
  }

  /** For a learner who completed the lesson at {@code completed}. */
  public static CompletedDecision completed(SemanticVersion completed, SemanticVersion current) {
    return new CompletedDecision(completed, current);
  }
}

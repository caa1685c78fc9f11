package dev.runbook.workflows.progressmigration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The whole progress table at one moment: what a migration must never lower.
 *
 * @param documents progress documents (one per learner)
 * @param totalXp the sum of every learner's {@code gamification.total_xp}
 * @param completions completed lessons over all learners
 * @param behind documents not yet at the current document schema
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressCensus(long documents, long totalXp, long completions, long behind) {

  /**
   * Why this census (taken after) is not what a migration that kept everything would leave after
   * {@code before}; null when it is. Learners keep writing during the migration, so counts may
   * grow, never shrink, and no document may be left behind.
   */
  public String lossSince(ProgressCensus before) {
    if (documents < before.documents) {
      return "documents went down from " + before.documents + " to " + documents;
    }
    if (totalXp < before.totalXp) {
      return "total XP went down from " + before.totalXp + " to " + totalXp;
    }
    if (completions < before.completions) {
      return "completions went down from " + before.completions + " to " + completions;
    }
    if (behind > 0) {
      return behind + " document(s) are still on an older schema";
    }
    return null;
  }

  @Override
  public String toString() {
    return documents + " documents, " + totalXp + " XP, " + completions + " completions, " + behind + " behind";
  }
}

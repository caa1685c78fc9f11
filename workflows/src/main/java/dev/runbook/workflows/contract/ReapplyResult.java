package dev.runbook.workflows.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Captured learner writes put back after a restore, and the XP check that passed: over the
 * learners written since the snapshot, XP as restored (the snapshot), as finally stored (≥ the
 * snapshot plus what they earned since), and their completions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReapplyResult(int learners, int reapplied, long restoredXp, long finalXp, int completions) {
  @Override
  public String toString() {
    return reapplied + " of " + learners + " learner(s) re-applied; XP " + restoredXp + " at the snapshot → "
        + finalXp + " now, " + completions + " completion(s), none lost";
  }
}

package dev.runbook.workflows.progressmigration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one migration pass did, over all its attempts.
 *
 * @param batches batches applied (ledger rows of this run)
 * @param migrated documents rewritten to the current schema
 * @param alreadyCurrent documents read that needed nothing
 * @param lostRaces writes that lost a compare-and-set to a learner and were redone on the fresh copy
 * @param resumedAfterBatch batches already applied when the last attempt started (0 unless a
 *     worker died mid-pass and the attempt resumed from its checkpoint)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressMigrationReport(int batches, long migrated, long alreadyCurrent, long lostRaces,
    int resumedAfterBatch) {

  @Override
  public String toString() {
    return migrated + " migrated, " + alreadyCurrent + " already current, in " + batches + " batch(es)"
        + (lostRaces == 0 ? "" : "; " + lostRaces + " lost race(s) with learners redone")
        + (resumedAfterBatch == 0 ? "" : "; resumed after batch " + resumedAfterBatch);
  }
}

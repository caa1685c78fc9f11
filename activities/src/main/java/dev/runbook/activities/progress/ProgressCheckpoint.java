package dev.runbook.activities.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a migration pass is, as its heartbeat details and as the ledger's sums: the next batch
 * starts after {@code lastUserId} (keyset) and is batch {@code batches + 1}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgressCheckpoint(int batches, String lastUserId, long migrated, long alreadyCurrent, long lostRaces) {
  public static final ProgressCheckpoint START = new ProgressCheckpoint(0, null, 0, 0, 0);

  ProgressCheckpoint next(String last, long migratedNow, long currentNow, long lostNow) {
    return new ProgressCheckpoint(batches + 1, last, migrated + migratedNow, alreadyCurrent + currentNow,
        lostRaces + lostNow);
  }
}

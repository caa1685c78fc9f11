package dev.runbook.activities.progress;

import dev.runbook.activities.support.Heartbeats;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One pass of the progress migration over the table, batch after batch, each in its own
 * transaction with its ledger row. It starts from a checkpoint (the last attempt's heartbeat
 * details) and from the ledger when that is further on (a batch committed but its heartbeat never
 * reached the server); the ledger claim inside each transaction makes a batch applied at most once
 * per run, whatever the attempts do.
 */
final class ProgressPass {
  private final DataSource dataSource;
  private final ProgressBatch batch;
  private final Consumer<ProgressCheckpoint> afterBatch;

  /** @param afterBatch told of each committed batch (the activity heartbeats it) */
  ProgressPass(DataSource dataSource, ProgressMigrations migrations, Consumer<ProgressCheckpoint> afterBatch) {
    this.dataSource = dataSource;
    this.batch = new ProgressBatch(migrations);
    this.afterBatch = afterBatch;
  }

  ProgressMigrationReport run(ProgressMigrationTask task, ProgressCheckpoint from) throws SQLException {
    ProgressCheckpoint at = from;
    try (Connection c = dataSource.getConnection()) {
      ProgressCheckpoint ledger = ProgressLedger.latest(c, task.runKey()).orElse(ProgressCheckpoint.START);
      if (ledger.batches() > at.batches()) {
        at = ledger;
      }
      int resumedAfter = at.batches();
      c.setAutoCommit(false);
      while (true) {
        ProgressCheckpoint next = oneBatch(c, task, at);
        if (next == null) {
          return new ProgressMigrationReport(at.batches(), at.migrated(), at.alreadyCurrent(), at.lostRaces(),
              resumedAfter);
        }
        at = next;
        afterBatch.accept(at);
      }
    }
  }

  /** The checkpoint after the next batch; null at the end of the table. */
  private ProgressCheckpoint oneBatch(Connection c, ProgressMigrationTask task, ProgressCheckpoint at)
      throws SQLException {
    try {
      List<ProgressBatch.Row> rows = batch.read(c, at.lastUserId(), task.batchSize());
      if (rows.isEmpty()) {
        c.rollback();
        return null;
      }
      int batchNo = at.batches() + 1;
      String first = rows.get(0).userId();
      String last = rows.get(rows.size() - 1).userId();
      if (!ProgressLedger.claim(c, task.runKey(), batchNo, first, last)) {
        // an earlier attempt applied it after our checkpoint was taken: continue after the ledger
        c.rollback();
        ProgressCheckpoint ledger = ProgressLedger.latest(c, task.runKey()).orElseThrow();
        c.rollback();
        return ledger;
      }
      ProgressBatch.Outcome done = batch.apply(c, rows);
      ProgressLedger.count(c, task.runKey(), batchNo, done.migrated(), done.alreadyCurrent(), done.lostRaces());
      c.commit();
      return at.next(last, done.migrated(), done.alreadyCurrent(), done.lostRaces());
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    }
  }

  /** Heartbeats {@code checkpoint} when run inside an activity (a no-op elsewhere). */
  static void beat(ProgressCheckpoint checkpoint) {
    Heartbeats.beat(checkpoint);
  }
}

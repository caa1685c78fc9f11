package dev.runbook.activities.progress;

import dev.runbook.activities.support.Heartbeats;
import dev.runbook.lessons.progress.ProgressMigrations;
import dev.runbook.workflows.progressmigration.ProgressMigrationReport;
import dev.runbook.workflows.progressmigration.ProgressMigrationTask;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * One pass of the progress migration over the table, batch after batch, each in its own
 * transaction with its ledger row. It starts from a checkpoint (the last attempt's heartbeat
 * details) and from the ledger when that is further on (a batch committed but its heartbeat never
 * reached the server); the ledger claim inside each transaction makes a batch applied at most once
 * per run, whatever the attempts do.
 *
 * <p>While one batch is written, the next is read and migrated in memory on a second connection
 * (the JSON work overlaps the database's). A document a learner writes between that early read and
 * our write only loses its compare-and-set and is migrated again from the learner's version.
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
    ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "progress-migration-reader");
      t.setDaemon(true);
      return t;
    });
    try (Connection c = dataSource.getConnection(); Connection readConnection = dataSource.getConnection()) {
      ProgressCheckpoint at = from;
      ProgressCheckpoint ledger = ProgressLedger.latest(c, task.runKey()).orElse(ProgressCheckpoint.START);
      if (ledger.batches() > at.batches()) {
        at = ledger;
      }
      int resumedAfter = at.batches();
      c.setAutoCommit(false);
      Future<ProgressBatch.Prepared> next = readAhead(reader, readConnection, at.lastUserId(), task.batchSize());
      while (true) {
        ProgressBatch.Prepared current = await(next);
        if (current.rows().isEmpty()) {
          return new ProgressMigrationReport(at.batches(), at.migrated(), at.alreadyCurrent(), at.lostRaces(),
              resumedAfter);
        }
        next = readAhead(reader, readConnection, current.lastUserId(), task.batchSize());
        ProgressCheckpoint after = oneBatch(c, task, at, current);
        if (!Objects.equals(after.lastUserId(), current.lastUserId())) {
          // another attempt got further: continue after the ledger, not after what we read
          await(next);
          next = readAhead(reader, readConnection, after.lastUserId(), task.batchSize());
        }
        at = after;
        afterBatch.accept(at);
      }
    } finally {
      reader.shutdownNow();
    }
  }

  private Future<ProgressBatch.Prepared> readAhead(ExecutorService reader, Connection c, String after, int size) {
    return reader.submit(() -> batch.prepare(batch.read(c, after, size)));
  }

  private static ProgressBatch.Prepared await(Future<ProgressBatch.Prepared> read) throws SQLException {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the next batch", "57014", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Applies {@code rows} as batch {@code at.batches() + 1}, or skips to the ledger if it is applied already. */
  private ProgressCheckpoint oneBatch(Connection c, ProgressMigrationTask task, ProgressCheckpoint at,
      ProgressBatch.Prepared rows) throws SQLException {
    try {
      int batchNo = at.batches() + 1;
      String first = rows.rows().get(0).userId();
      String last = rows.lastUserId();
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

package dev.runbook.activities.snapshot;

import dev.runbook.activities.capture.LearnerWriteCaptureImpl;
import dev.runbook.workflows.contract.RestoreResult;
import dev.runbook.workflows.contract.ScratchRestoreRequest;
import dev.runbook.workflows.contract.ScratchRestoreResult;
import dev.runbook.workflows.contract.SnapshotActivities;
import dev.runbook.workflows.contract.SnapshotRecord;
import dev.runbook.workflows.contract.SnapshotRequest;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Snapshots with pg_dump/pg_restore/psql against the target database an environment names. Files
 * live under one directory (see {@link SnapshotFiles}); the tools are located per call, so a
 * machine that gains or upgrades its client tools needs no restart.
 */
public final class SnapshotActivitiesImpl implements SnapshotActivities {
  private final SnapshotTargets targets;
  private final SnapshotFiles files;
  private final PgClientTools.Search search;
  private final Duration toolTimeout;
  private final Clock clock;

  public SnapshotActivitiesImpl(SnapshotTargets targets, Path directory, PgClientTools.Search search,
      Duration toolTimeout, Clock clock) {
    this.targets = targets;
    this.files = new SnapshotFiles(directory);
    this.search = search;
    this.toolTimeout = toolTimeout;
    this.clock = clock;
  }

  @Override
  public SnapshotRecord snapshotDatabase(SnapshotRequest request) {
    PgTarget target = target(request);
    SnapshotRecord done = recorded(request);
    try {
      if (done != null) {
        return done; // a completed snapshot is never retaken: it is the state the run started from
      }
      Tooling tooling = tooling(target);
      long schemaBytes = schemaBytes(target);
      Path partial = files.partial(request);
      long started = clock.millis();
      PgProcess.Result result = PgProcess.run(List.of(tooling.commands.dump(partial)),
          tooling.commands.environment(), toolTimeout, sizeOf(partial));
      if (!result.ok()) {
        Files.deleteIfExists(partial);
        throw failed("pg_dump of " + target.schemas() + " in " + target.database(), result);
      }
      long finished = clock.millis();
      long size = Files.size(partial);
      SnapshotRecord record = new SnapshotRecord(request.environment(), request.workflowId(), request.runId(),
          files.dump(request).toString(), target.schemas(), finished, size, schemaBytes, finished - started,
          megabytesPerSecond(schemaBytes, finished - started), String.valueOf(tooling.serverMajor),
          tooling.tools.version(), tooling.commands.restoreCommandText(files.dump(request)));
      files.keep(partial, request, record);
      return record;
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause("snapshot " + files.dump(request) + ": " + e.getMessage(),
          SnapshotFailures.TOOL_FAILED, e);
    }
  }

  /** Work on the restored copy before its validation queries: a rehearsal migrates it. */
  @FunctionalInterface
  public interface OnCopy {
    void apply(DataSource copy) throws SQLException;
  }

  @Override
  public ScratchRestoreResult restoreToScratch(ScratchRestoreRequest request) {
    return restoreToScratch(request, copy -> {});
  }

  /**
   * {@link #restoreToScratch(ScratchRestoreRequest)} with {@code onCopy} run between the restore
   * and the validation queries; whatever it throws, the copy is dropped.
   */
  public ScratchRestoreResult restoreToScratch(ScratchRestoreRequest request, OnCopy onCopy) {
    if (request == null || request.snapshot() == null) {
      throw nonRetryable(SnapshotFailures.BAD_REQUEST, "restoreToScratch needs the snapshot (environment, workflow id, run id)");
    }
    SnapshotRequest snapshot = request.snapshot();
    PgTarget target = target(snapshot);
    SnapshotRecord record = completed(snapshot);
    Tooling tooling = tooling(target);
    long started = clock.millis();
    try (ScratchDatabase scratch = ScratchDatabase.create(target, SnapshotFiles.scratchDatabase(snapshot))) {
      LearnerWriteCaptureImpl.prepareCopy(scratch.dataSource()); // the dump may carry a run's capture trigger
      PgProcess.Result result = PgProcess.run(List.of(tooling.commands.restoreInto(scratch.name(),
          Path.of(record.file()))), tooling.commands.environment(), toolTimeout, () -> clock.millis() - started);
      if (!result.ok()) {
        throw failed("pg_restore into the scratch database " + scratch.name(), result);
      }
      long restored = clock.millis();
      onCopy.apply(scratch.dataSource());
      long worked = clock.millis();
      List<String> queries = request.validationQueries() == null ? List.of() : request.validationQueries();
      validate(scratch.dataSource(), queries);
      return new ScratchRestoreResult(scratch.name(), restored - started, clock.millis() - started,
          megabytesPerSecond(dataBytes(record), restored - started), queries.size(), worked - restored);
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) { // insufficient_privilege: retrying cannot help
        throw nonRetryable(SnapshotFailures.BAD_REQUEST, "user " + target.user() + " may not create the scratch"
            + " database on " + target.host() + ":" + target.port() + " (it needs CREATEDB): " + e.getMessage());
      }
      throw ApplicationFailure.newFailureWithCause("scratch database on " + target.host() + ":" + target.port()
          + ": " + e.getMessage(), SnapshotFailures.DATABASE_UNREACHABLE, e);
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause(e.getMessage(), SnapshotFailures.TOOL_FAILED, e);
    }
  }

  @Override
  public RestoreResult restoreSnapshot(SnapshotRequest request) {
    PgTarget target = target(request);
    SnapshotRecord record = completed(request);
    Tooling tooling = tooling(target);
    long started = clock.millis();
    try {
      PgProcess.Result result = PgProcess.run(tooling.commands.restoreOverLive(Path.of(record.file())),
          tooling.commands.environment(), toolTimeout, () -> clock.millis() - started);
      if (!result.ok() && result.error().contains(PgCommands.REFUSAL_MARKER)) {
        throw nonRetryable(SnapshotFailures.RESTORE_REFUSED, "restore of " + target.schemas()
            + " refused, nothing changed: " + result.error());
      }
      if (!result.ok()) {
        throw failed("restore of " + target.schemas() + " in " + target.database()
            + " (rolled back: the live schemas are as they were)", result);
      }
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause(e.getMessage(), SnapshotFailures.TOOL_FAILED, e);
    }
    long finished = clock.millis();
    return new RestoreResult(record.file(), target.schemas(), finished, finished - started,
        megabytesPerSecond(dataBytes(record), finished - started));
  }

  private static void validate(DataSource copy, List<String> queries) throws SQLException {
    for (int i = 0; i < queries.size(); i++) {
      String sql = queries.get(i);
      try (Connection c = copy.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
        if (!rs.next() || !rs.getBoolean(1)) {
          throw nonRetryable(SnapshotFailures.VALIDATION_FAILED,
              "validation query " + (i + 1) + " is not true on the restored copy: " + sql);
        }
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
          throw e; // connection trouble: retried as unreachable
        }
        throw nonRetryable(SnapshotFailures.VALIDATION_FAILED,
            "validation query " + (i + 1) + " failed on the restored copy: " + e.getMessage() + " (" + sql + ")");
      }
    }
  }

  private record Tooling(PgClientTools tools, PgCommands commands, int serverMajor) {}

  private Tooling tooling(PgTarget target) {
    int serverMajor;
    try {
      serverMajor = PgClientTools.serverMajor(target.dataSource(target.database()));
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("cannot reach the target database " + target.database() + " at "
          + target.host() + ":" + target.port() + ": " + e.getMessage(), SnapshotFailures.DATABASE_UNREACHABLE, e);
    }
    try {
      PgClientTools tools = PgClientTools.locate(search, serverMajor);
      return new Tooling(tools, new PgCommands(tools, target), serverMajor);
    } catch (PgClientTools.Missing e) {
      throw nonRetryable(SnapshotFailures.CLIENT_TOOLS_MISSING, e.getMessage());
    }
  }

  private PgTarget target(SnapshotRequest r) {
    if (r == null || blank(r.environment()) || blank(r.workflowId()) || blank(r.runId())) {
      throw nonRetryable(SnapshotFailures.BAD_REQUEST, "a snapshot request needs environment, workflowId and runId");
    }
    try {
      return targets.target(r.environment());
    } catch (IllegalArgumentException e) {
      throw nonRetryable(SnapshotFailures.BAD_REQUEST, e.getMessage());
    }
  }

  /** The run's completed snapshot, or null; a file that no longer matches its record is for a person. */
  private SnapshotRecord recorded(SnapshotRequest r) {
    try {
      return files.completed(r);
    } catch (IOException e) {
      throw nonRetryable(SnapshotFailures.SNAPSHOT_DAMAGED, e.getMessage() + "; nothing was changed");
    }
  }

  private SnapshotRecord completed(SnapshotRequest r) {
    SnapshotRecord record = recorded(r);
    if (record == null) {
      throw nonRetryable(SnapshotFailures.SNAPSHOT_MISSING, "run " + r.workflowId() + " / " + r.runId()
          + " has no completed snapshot (" + files.dump(r) + "); nothing was restored");
    }
    return record;
  }

  private static LongSupplier sizeOf(Path file) {
    return () -> {
      try {
        return Files.exists(file) ? Files.size(file) : 0L;
      } catch (IOException e) {
        return -1L;
      }
    };
  }

  /** Tables, indexes and TOAST of the owned schemas: what a dump covers, whatever it compresses to. */
  private static long schemaBytes(PgTarget target) {
    try (Connection c = target.dataSource(target.database()).getConnection();
        var q = c.prepareStatement("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'm', 'p')")) {
      q.setArray(1, c.createArrayOf("text", target.schemas().toArray()));
      try (var rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw ApplicationFailure.newFailureWithCause("cannot measure " + target.schemas() + " in " + target.database()
          + ": " + e.getMessage(), SnapshotFailures.DATABASE_UNREACHABLE, e);
    }
  }

  private static long dataBytes(SnapshotRecord record) {
    return record.schemaBytes() == null ? record.sizeBytes() : record.schemaBytes();
  }

  static double megabytesPerSecond(long bytes, long millis) {
    return millis <= 0 ? 0.0 : Math.round(bytes / 1e6 / (millis / 1000.0) * 100.0) / 100.0;
  }

  private static ApplicationFailure failed(String what, PgProcess.Result result) {
    String how = result.timedOut() ? "did not finish in time" : "exited " + result.exit();
    return ApplicationFailure.newFailure(what + " " + how + ": " + result.error(), SnapshotFailures.TOOL_FAILED);
  }

  private static ApplicationFailure nonRetryable(String type, String message) {
    return ApplicationFailure.newNonRetryableFailure(message, type);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

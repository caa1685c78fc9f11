package dev.runbook.activities.capture;

import dev.runbook.activities.migration.MigrationTarget;
import dev.runbook.activities.migration.MigrationTargets;
import dev.runbook.activities.sql.Transactions;
import dev.runbook.workflows.contract.CaptureStatus;
import dev.runbook.workflows.contract.LearnerWriteCaptureActivities;
import dev.runbook.workflows.contract.ReapplyResult;
import dev.runbook.workflows.contract.SnapshotRequest;
import io.temporal.failure.ApplicationFailure;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * See {@link LearnerWriteCaptureActivities}. Triggers rather than logical decoding: a trigger
 * writes in the learner's own transaction (nothing commits uncaptured, nothing is captured that
 * rolled back), needs no replication slot, wal_level or superuser, and a slot left behind by a
 * crashed run would hold WAL on the platform's database for ever; an application-side ledger would
 * need every writer (the sandbox, the progress migration, people with psql) to cooperate.
 */
public final class LearnerWriteCaptureImpl implements LearnerWriteCaptureActivities {
  /** Non-retryable: the environment has no target database. */
  public static final String NO_TARGET = "NoCaptureTarget";
  private static final int SHOWN = 5;

  private final MigrationTargets targets;

  public LearnerWriteCaptureImpl(MigrationTargets targets) {
    this.targets = targets;
  }

  /**
   * Readies a database that a snapshot is restored into as a copy (a rehearsal's scratch database):
   * a snapshot taken while a run captures carries the run's trigger, whose function lives in
   * {@value CaptureSql#SCHEMA} outside the owned schemas, so without it the restore fails. The copy's
   * trigger then writes to the copy's own ledger, which is dropped with it.
   */
  public static void prepareCopy(DataSource copy) throws SQLException {
    try (Connection c = copy.getConnection(); Statement s = c.createStatement()) {
      s.execute(CaptureSql.setup());
    }
  }

  @Override
  public CaptureStatus startCapture(SnapshotRequest run) {
    MigrationTarget target = target(run);
    String trigger = CaptureSql.triggerName(runKey(run));
    return inTransaction(target, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("select pg_advisory_xact_lock(hashtext('" + CaptureSql.SCHEMA + "'))"); // one set-up at a time
        s.execute(CaptureSql.setup());
        if (!triggerExists(c, target.schema(), trigger)) {
          s.execute(CaptureSql.createTrigger(target.schema(), trigger, runKey(run)));
        }
      }
      return status(c, target, run, trigger);
    });
  }

  @Override
  public CaptureStatus stopCapture(SnapshotRequest run) {
    MigrationTarget target = target(run);
    String trigger = CaptureSql.triggerName(runKey(run));
    return inTransaction(target, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("drop trigger if exists " + trigger + " on " + target.schema() + ".user_progress");
      }
      return status(c, target, run, trigger);
    });
  }

  @Override
  public ReapplyResult reapplyCapturedWrites(SnapshotRequest run) {
    MigrationTarget target = target(run);
    String table = target.schema() + ".user_progress";
    return inTransaction(target, c -> {
      try (Statement s = c.createStatement()) {
        s.execute("create schema if not exists " + CaptureSql.SCHEMA); // a run that captured nothing yet
        s.execute(CaptureSql.setup());
        s.execute("set local " + CaptureSql.OFF_SETTING + " = 'off'");
      }
      List<Learner> learners = new ArrayList<>();
      try (PreparedStatement q = c.prepareStatement(
          "select distinct on (user_id) user_id, document::text from " + CaptureSql.SCHEMA + ".learner_writes"
              + " where run_key = ? order by user_id, seq desc")) {
        q.setString(1, runKey(run));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            learners.add(new Learner(rs.getString(1), rs.getString(2)));
          }
        }
      }
      int reapplied = 0;
      Map<String, Restored> restored = new HashMap<>();
      for (Learner l : learners) {
        Restored r = restored(c, table, l.userId());
        if (r != null) {
          restored.put(l.userId(), r);
        }
        reapplied += reapply(c, table, l, r) ? 1 : 0;
      }
      return verify(c, table, run, learners.size(), reapplied, restored);
    });
  }

  private record Learner(String userId, String document) {}

  /** A learner's row as the restore left it (the snapshot's), locked until the re-apply commits. */
  private record Restored(long revision, String document, long xp, Set<String> done) {}

  private static Restored restored(Connection c, String table, String userId) throws SQLException {
    try (PreparedStatement read = c.prepareStatement("select revision, document::text, " + CaptureSql.xp("document")
        + ", " + CaptureSql.completions("document") + " from " + table + " where user_id = ? for update")) {
      read.setString(1, userId);
      try (ResultSet rs = read.executeQuery()) {
        return rs.next() ? new Restored(rs.getLong(1), rs.getString(2), rs.getLong(3), set(rs.getArray(4))) : null;
      }
    }
  }

  /** Compare-and-set on the restored row's revision; true when it wrote. */
  private static boolean reapply(Connection c, String table, Learner l, Restored r) throws SQLException {
    if (r == null) { // a learner who arrived after the snapshot
      return update(c, "insert into " + table + " (document, user_id, revision, updated_at)"
          + " values (?::jsonb, ?, 0, now()) on conflict (user_id) do nothing", l, null);
    }
    if (sameJson(c, r.document(), l.document())) {
      return false; // already holds it: a retried re-apply
    }
    return update(c, "update " + table + " set document = ?::jsonb, revision = revision + 1, updated_at = now()"
        + " where user_id = ? and revision = ?", l, r.revision());
  }

  private static boolean sameJson(Connection c, String a, String b) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("select ?::jsonb = ?::jsonb")) {
      q.setString(1, a);
      q.setString(2, b);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static boolean update(Connection c, String sql, Learner l, Long revision) throws SQLException {
    try (PreparedStatement w = c.prepareStatement(sql)) {
      w.setString(1, l.document());
      w.setString(2, l.userId());
      if (revision != null) {
        w.setLong(3, revision);
      }
      if (w.executeUpdate() != 1) { // the row is locked for update: only a concurrent insert gets here
        throw new SQLException("progress of " + l.userId() + " changed under the re-apply; retrying", "40001");
      }
      return true;
    }
  }

  /**
   * Per learner written since the snapshot: final XP ≥ the restored (snapshot) XP and ≥ every
   * captured XP (the snapshot plus what was earned since); final completions ⊇ restored ∪ captured.
   */
  private static ReapplyResult verify(Connection c, String table, SnapshotRequest run, int learners, int reapplied,
      Map<String, Restored> restored) throws SQLException {
    String sql = "with captured as (select user_id, max(" + CaptureSql.xp("document") + ") as xp,"
        + "   array_agg(distinct k) filter (where k is not null) as done"
        + "   from " + CaptureSql.SCHEMA + ".learner_writes left join lateral unnest(" + CaptureSql.completions("document")
        + ") k on true where run_key = ? group by user_id)"
        + " select c.user_id, c.xp, coalesce(c.done, '{}'), " + CaptureSql.xp("p.document") + ", "
        + CaptureSql.completions("p.document")
        + " from captured c left join " + table + " p on p.user_id = c.user_id";
    List<String> short_ = new ArrayList<>();
    long finalXp = 0;
    long restoredXp = 0;
    int completions = 0;
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, runKey(run));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          String user = rs.getString(1);
          long capturedXp = rs.getLong(2);
          Set<String> capturedDone = new HashSet<>(set(rs.getArray(3)));
          Restored r = restored.get(user);
          if (r != null) {
            capturedXp = Math.max(capturedXp, r.xp());
            capturedDone.addAll(r.done());
            restoredXp += r.xp();
          }
          long xp = rs.getLong(4);
          Set<String> done = set(rs.getArray(5));
          finalXp += xp;
          completions += done.size();
          if (xp < capturedXp || !done.containsAll(capturedDone)) {
            Set<String> missing = new HashSet<>(capturedDone);
            missing.removeAll(done);
            short_.add(user + " (XP " + xp + (xp < capturedXp ? " < " : " ≥ ") + capturedXp + (missing.isEmpty() ? "" : ", completions missing "
                + missing) + ")");
          }
        }
      }
    }
    if (!short_.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(short_.size() + " learner(s) would lose progress written"
          + " after the snapshot, so nothing was re-applied: " + String.join(", ", short_.subList(0,
          Math.min(SHOWN, short_.size()))) + (short_.size() > SHOWN ? ", ..." : ""), PROGRESS_LOST);
    }
    return new ReapplyResult(learners, reapplied, restoredXp, finalXp, completions);
  }

  private static Set<String> set(Array a) throws SQLException {
    return a == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) a.getArray()));
  }

  private static CaptureStatus status(Connection c, MigrationTarget target, SnapshotRequest run, String trigger)
      throws SQLException {
    long writes = 0;
    if (tableExists(c)) {
      try (PreparedStatement q = c.prepareStatement("select count(*) from " + CaptureSql.SCHEMA
          + ".learner_writes where run_key = ?")) {
        q.setString(1, runKey(run));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          writes = rs.getLong(1);
        }
      }
    }
    return new CaptureStatus(trigger, triggerExists(c, target.schema(), trigger), writes);
  }

  private static boolean tableExists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select to_regclass('" + CaptureSql.SCHEMA + ".learner_writes') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static boolean triggerExists(Connection c, String schema, String trigger) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("select 1 from pg_trigger t join pg_class r on r.oid = t.tgrelid"
        + " where t.tgname = ? and r.relname = 'user_progress' and r.relnamespace = ?::regnamespace")) {
      q.setString(1, trigger);
      q.setString(2, schema);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static <T> T inTransaction(MigrationTarget target, Transactions.Work<T> work) {
    // retried: the database was unreachable, or a statement failed that may pass next time
    return Transactions.run(target.dataSource(), work, e -> ApplicationFailure.newFailureWithCause(
        "learner-write capture on " + target.schema() + ": " + e.getMessage(), "CaptureUnavailable", e));
  }

  private MigrationTarget target(SnapshotRequest run) {
    if (run == null || run.environment() == null || run.workflowId() == null || run.runId() == null) {
      throw ApplicationFailure.newNonRetryableFailure("the capture needs environment, workflowId and runId", NO_TARGET);
    }
    try {
      return targets.target(run.environment());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), NO_TARGET);
    }
  }

  private static String runKey(SnapshotRequest run) {
    return run.workflowId() + "/" + run.runId();
  }
}

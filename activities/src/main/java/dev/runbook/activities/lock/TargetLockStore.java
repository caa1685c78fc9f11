package dev.runbook.activities.lock;

import dev.runbook.workflows.contract.LockGrant;
import dev.runbook.workflows.contract.LockHolder;
import dev.runbook.workflows.contract.LockRequest;
import io.temporal.failure.ApplicationFailure;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The lock tables ({@code runbook.lock_holders}, {@code runbook.target_locks}). Check and insert
 * happen in one transaction behind a transaction-scoped advisory lock, so two acquirers never both
 * see a free target. One constant key rather than one per target: a key per path could not cover
 * the prefixes (a database and the services in it), and an acquire is a few milliseconds once per run.
 */
final class TargetLockStore {
  /** The advisory lock key of every acquire ("runbook-target-lock" as a number; any constant will do). */
  static final long ACQUIRE_KEY = 0x72756e626f6f6bL;

  private static final String CONFLICTS = """
      SELECT r.t AS requested, l.target, h.workflow_id, h.run_id, h.procedure, h.requested_by, h.since, h.preemptible
      FROM unnest(?::text[]) AS r(t)
      JOIN runbook.target_locks l
        ON l.target = r.t
        OR left(l.target, length(r.t) + 1) = r.t || '/'
        OR left(r.t, length(l.target) + 1) = l.target || '/'
      JOIN runbook.lock_holders h ON h.workflow_id = l.workflow_id AND h.run_id = l.run_id
      WHERE NOT (h.workflow_id = ? AND h.run_id = ?)
      ORDER BY h.since, h.workflow_id, h.run_id, l.target
      """;

  private final DataSource dataSource;

  TargetLockStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Takes every target or none. Returns the conflicts (oldest holder first, the parent chain's
   * own rows left out); empty means the holder now holds every target.
   */
  List<LockGrant> tryAcquire(LockRequest r, long nowMillis) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          ps.setLong(1, ACQUIRE_KEY);
          ps.execute();
        }
        Array targets = c.createArrayOf("text", r.targets().toArray());
        Set<String> ancestors = ancestors(c, r.parentWorkflowId(), r.parentRunId());
        List<LockGrant> conflicts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CONFLICTS)) {
          ps.setArray(1, targets);
          ps.setString(2, r.holderWorkflowId());
          ps.setString(3, r.holderRunId());
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              if (!ancestors.contains(key(rs.getString("workflow_id"), rs.getString("run_id")))) {
                conflicts.add(LockGrant.refusal(rs.getString("requested"), new LockHolder(rs.getString("workflow_id"),
                    rs.getString("run_id"), rs.getString("procedure"), rs.getString("requested_by"),
                    rs.getObject("since", OffsetDateTime.class).toInstant().toEpochMilli(),
                    rs.getBoolean("preemptible"), rs.getString("target"))));
              }
            }
          }
        }
        if (conflicts.isEmpty()) {
          insert(c, r, targets, nowMillis);
        }
        c.commit();
        return conflicts;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("take the targets of " + r.holderWorkflowId(), e);
    }
  }

  /** Deletes the holder; its targets go with it (ON DELETE CASCADE). Returns the targets it held. */
  List<String> release(String workflowId, String runId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("""
            WITH gone AS (DELETE FROM runbook.target_locks WHERE workflow_id = ? AND run_id = ? RETURNING target),
                 holder AS (DELETE FROM runbook.lock_holders WHERE workflow_id = ? AND run_id = ?)
            SELECT target FROM gone ORDER BY target
            """)) {
      ps.setString(1, workflowId);
      ps.setString(2, runId);
      ps.setString(3, workflowId);
      ps.setString(4, runId);
      List<String> targets = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          targets.add(rs.getString(1));
        }
      }
      return targets;
    } catch (SQLException e) {
      throw failure("release the targets of " + workflowId, e);
    }
  }

  void setPreemptible(String workflowId, String runId, boolean preemptible) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE runbook.lock_holders SET preemptible = ? WHERE workflow_id = ? AND run_id = ?")) {
      ps.setBoolean(1, preemptible);
      ps.setString(2, workflowId);
      ps.setString(3, runId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw failure("mark " + workflowId + (preemptible ? " pre-emptible" : " not pre-emptible"), e);
    }
  }

  private static void insert(Connection c, LockRequest r, Array targets, long nowMillis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO runbook.lock_holders (workflow_id, run_id, procedure, requested_by, parent_workflow_id,
                                          parent_run_id, preemptible, since)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workflow_id, run_id) DO NOTHING
        """)) {
      ps.setString(1, r.holderWorkflowId());
      ps.setString(2, r.holderRunId());
      ps.setString(3, r.procedure());
      ps.setString(4, r.requestedBy());
      ps.setString(5, r.parentWorkflowId());
      ps.setString(6, r.parentRunId());
      ps.setBoolean(7, Boolean.TRUE.equals(r.preemptible()));
      ps.setObject(8, OffsetDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC));
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("""
        INSERT INTO runbook.target_locks (target, workflow_id, run_id)
        SELECT t, ?, ? FROM unnest(?::text[]) AS t
        ON CONFLICT DO NOTHING
        """)) {
      ps.setString(1, r.holderWorkflowId());
      ps.setString(2, r.holderRunId());
      ps.setArray(3, targets);
      ps.executeUpdate();
    }
  }

  /** The parent, its parent ... as recorded when each acquired; bounded against a cycle in bad data. */
  private static Set<String> ancestors(Connection c, String parentWorkflowId, String parentRunId) throws SQLException {
    Set<String> chain = new HashSet<>();
    String wf = parentWorkflowId;
    String run = parentRunId;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT parent_workflow_id, parent_run_id FROM runbook.lock_holders WHERE workflow_id = ? AND run_id = ?")) {
      while (wf != null && run != null && chain.add(key(wf, run)) && chain.size() < 64) {
        ps.setString(1, wf);
        ps.setString(2, run);
        try (ResultSet rs = ps.executeQuery()) {
          boolean found = rs.next();
          wf = found ? rs.getString(1) : null;
          run = found ? rs.getString(2) : null;
        }
      }
    }
    return chain;
  }

  private static String key(String workflowId, String runId) {
    return workflowId + '\u0000' + runId;
  }

  /** Bad data (SQLSTATE 22, 23) cannot pass on a retry; anything else (connection lost) is retried. */
  static ApplicationFailure failure(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = "target lock store could not " + what + " (SQLSTATE " + state + "): " + e.getMessage();
    if (state.startsWith("22") || state.startsWith("23")) {
      return ApplicationFailure.newNonRetryableFailure(message, "LockDataRejected");
    }
    return ApplicationFailure.newFailure(message, "LockStoreUnavailable");
  }
}

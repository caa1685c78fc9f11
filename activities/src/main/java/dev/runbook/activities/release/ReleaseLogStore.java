package dev.runbook.activities.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runbook.workflows.contract.DeploymentLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Archived deployment logs in {@code runbook.release_logs}, one row per release run and
 * environment: an upsert, so a retried archive writes the same row again.
 */
public final class ReleaseLogStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DataSource dataSource;

  public ReleaseLogStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores {@code log}; returns its key, {@code <workflow id>/<environment>}. */
  public String archive(DeploymentLog log) throws SQLException {
    String sql = "INSERT INTO runbook.release_logs (workflow_id, environment, run_id, service, version, requested_by, "
        + "summary, lines, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now()) "
        + "ON CONFLICT (workflow_id, environment) DO UPDATE SET run_id = excluded.run_id, service = excluded.service, "
        + "version = excluded.version, requested_by = excluded.requested_by, summary = excluded.summary, "
        + "lines = excluded.lines, archived_at = excluded.archived_at";
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, log.workflowId());
      s.setString(2, log.environment());
      s.setString(3, log.runId());
      s.setString(4, log.service());
      s.setString(5, log.version());
      s.setString(6, log.requestedBy());
      s.setString(7, log.summary());
      s.setString(8, json(log.lines()));
      s.executeUpdate();
    }
    return log.workflowId() + "/" + log.environment();
  }

  /** The archived logs of one release run, in the order they were archived (dev first). */
  public List<DeploymentLog> logsOf(String workflowId) throws SQLException {
    String sql = "SELECT workflow_id, run_id, service, version, environment, requested_by, summary, lines::text "
        + "FROM runbook.release_logs WHERE workflow_id = ? ORDER BY archived_at, environment";
    List<DeploymentLog> logs = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, workflowId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          logs.add(new DeploymentLog(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
              r.getString(6), r.getString(7), lines(r.getString(8))));
        }
      }
    }
    return logs;
  }

  private static String json(List<String> lines) {
    try {
      return JSON.writeValueAsString(lines);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("log lines are strings", e);
    }
  }

  private static List<String> lines(String json) throws SQLException {
    try {
      return List.of(JSON.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new SQLException("unreadable archived log lines: " + e.getOriginalMessage(), e);
    }
  }
}

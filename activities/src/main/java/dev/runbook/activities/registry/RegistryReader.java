package dev.runbook.activities.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Read side of the release registry for {@code runbook list} and the worker's HTTP endpoints: a
 * Temporal test server has no visibility list API, so the registry is where past runs are found.
 * Filters are optional (null means "all").
 */
public class RegistryReader {
  private static final int MAX_ROWS = 1000;

  private final DataSource dataSource;

  public RegistryReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Newest first. */
  public List<RunRow> recentRuns(int limit, String service, String environment) {
    String sql = """
        SELECT * FROM runbook.runs
        WHERE (?::text IS NULL OR service = ?) AND (?::text IS NULL OR environment = ?)
        ORDER BY started_at DESC NULLS LAST, workflow_id, run_id
        LIMIT ?
        """;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, service);
      ps.setString(2, service);
      ps.setString(3, environment);
      ps.setString(4, environment);
      ps.setInt(5, Math.max(1, Math.min(limit, MAX_ROWS)));
      List<RunRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new RunRow(
              rs.getString("workflow_id"), rs.getString("run_id"), rs.getString("procedure"), rs.getString("service"),
              rs.getString("environment"), rs.getString("version"), rs.getString("requested_by"),
              rs.getString("request_id"), rs.getString("reason"), Sql.instant(rs, "started_at"),
              Sql.instant(rs, "finished_at"), rs.getString("outcome"), rs.getString("outcome_reason"),
              rs.getString("live_version")));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read runs from the release registry: " + e.getMessage(), e);
    }
  }

  /** By service, environment, colour. */
  public List<SlotRow> slots(String service, String environment) {
    String sql = """
        SELECT * FROM runbook.release_slots
        WHERE (?::text IS NULL OR service = ?) AND (?::text IS NULL OR environment = ?)
        ORDER BY service, environment, colour
        """;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, service);
      ps.setString(2, service);
      ps.setString(3, environment);
      ps.setString(4, environment);
      List<SlotRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new SlotRow(rs.getString("service"), rs.getString("environment"), rs.getString("colour"),
              rs.getString("version"), rs.getString("role"), rs.getInt("weight"), Sql.instant(rs, "updated_at")));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read slots from the release registry: " + e.getMessage(), e);
    }
  }

  /** Every run of the workflow id (business keys are reused), oldest first. */
  public List<ApprovalRow> approvals(String workflowId) {
    String sql = "SELECT * FROM runbook.approvals WHERE workflow_id = ? ORDER BY at, id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, workflowId);
      List<ApprovalRow> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Integer step = rs.getObject("step", Integer.class);
          rows.add(new ApprovalRow(rs.getString("workflow_id"), rs.getString("run_id"), rs.getString("action"),
              rs.getString("approver"), step, rs.getBoolean("accepted"), rs.getString("reason"),
              Sql.instant(rs, "at")));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read approvals from the release registry: " + e.getMessage(), e);
    }
  }
}

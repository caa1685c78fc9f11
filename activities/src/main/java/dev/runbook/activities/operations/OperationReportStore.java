package dev.runbook.activities.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.api.OperationMarkdown;
import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.operations.OperationReportActivities;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Table {@code runbook.operation_reports}: the activity that stores a scheduled operation's report
 * (an upsert by workflow id and run id, so a retry rewrites the same row) and the reads the
 * worker's HTTP API serves the CLI (the last N reports of an operation, newest first).
 */
public final class OperationReportStore implements OperationReportActivities {
  private final DataSource dataSource;

  public OperationReportStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void recordOperationReport(OperationReport r) {
    if (r == null || r.workflowId() == null || r.runId() == null || r.operation() == null) {
      throw ApplicationFailure.newNonRetryableFailure("a report needs operation, workflowId and runId", "InvalidReport");
    }
    String body;
    try {
      body = Json.MAPPER.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure("report is not serialisable: " + e.getMessage(), "InvalidReport");
    }
    String sql = """
        INSERT INTO runbook.operation_reports (workflow_id, run_id, operation, environment, requested_by, started_at,
                                               finished_at, passed, checks, failures, body, markdown)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        ON CONFLICT (workflow_id, run_id) DO UPDATE SET finished_at = excluded.finished_at, passed = excluded.passed,
            checks = excluded.checks, failures = excluded.failures, body = excluded.body, markdown = excluded.markdown
        """;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.workflowId());
      ps.setString(2, r.runId());
      ps.setString(3, r.operation());
      ps.setString(4, r.environment());
      ps.setString(5, r.requestedBy());
      ps.setObject(6, at(r.startedAtMillis()));
      ps.setObject(7, at(r.finishedAtMillis()));
      ps.setBoolean(8, r.passed());
      ps.setInt(9, r.checks().size());
      ps.setInt(10, r.failures().size());
      ps.setString(11, body);
      ps.setString(12, OperationMarkdown.of(r));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw ApplicationFailure.newFailure("could not store the report of " + r.workflowId() + ": " + e.getMessage(),
          "ReportStoreUnavailable");
    }
  }

  /** The last {@code limit} reports of {@code operation} (a procedure's CLI name), newest first. */
  public List<OperationReport> recent(String operation, int limit) throws SQLException {
    String sql = "SELECT body FROM runbook.operation_reports WHERE operation = ? ORDER BY finished_at DESC LIMIT ?";
    List<OperationReport> reports = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, operation);
      ps.setInt(2, Math.max(1, Math.min(limit, 500)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reports.add(Json.MAPPER.readValue(rs.getString(1), OperationReport.class));
        }
      }
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored report is not readable: " + e.getMessage(), e);
    }
    return reports;
  }

  private static OffsetDateTime at(long millis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }
}

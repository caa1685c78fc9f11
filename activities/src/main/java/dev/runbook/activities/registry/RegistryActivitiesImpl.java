package dev.runbook.activities.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.RegistryActivities;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotState;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Writes the release registry ({@code runbook} schema). Every statement is an upsert keyed the way
 * the registry is read (run, approval action, service/environment/colour, run's report), so
 * Temporal may retry any of these activities after a timeout without duplicating a row.
 */
public class RegistryActivitiesImpl implements RegistryActivities {
  private static final String INVALID = "InvalidRegistryInput";

  private final DataSource dataSource;
  private final Clock clock;

  public RegistryActivitiesImpl(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public RegistryActivitiesImpl(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  @Override
  public void recordRunStarted(RunRecord record) {
    RunHeader run = record == null ? null : record.header();
    if (run == null || run.workflowId() == null || run.runId() == null) {
      throw ApplicationFailure.newNonRetryableFailure("run record needs workflowId and runId: " + record, INVALID);
    }
    update("record the start of " + run.workflowId(), """
        INSERT INTO runbook.runs (workflow_id, run_id, procedure, service, environment, version, requested_by,
                                  request_id, reason, started_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workflow_id, run_id) DO UPDATE SET
          procedure = excluded.procedure, service = excluded.service, environment = excluded.environment,
          version = excluded.version, requested_by = excluded.requested_by, request_id = excluded.request_id,
          reason = excluded.reason, started_at = excluded.started_at
        """, ps -> {
          ps.setString(1, run.workflowId());
          ps.setString(2, run.runId());
          ps.setString(3, run.procedure());
          ps.setString(4, run.service());
          ps.setString(5, run.environment());
          ps.setString(6, run.version());
          ps.setString(7, run.requestedBy());
          ps.setString(8, run.requestId());
          ps.setString(9, run.reason());
          ps.setObject(10, Sql.at(run.startedAtMillis() > 0 ? run.startedAtMillis() : clock.millis()));
        });
  }

  @Override
  public void recordApproval(String workflowId, String runId, ApprovalRecord approval) {
    if (workflowId == null || runId == null || approval == null || approval.action() == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "approval needs workflowId, runId and an action; got " + workflowId + ", " + runId + ", " + approval, INVALID);
    }
    update("record " + approval.action() + " by " + approval.approver(), """
        INSERT INTO runbook.approvals (workflow_id, run_id, action, approver, step, accepted, reason, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workflow_id, run_id, action, (coalesce(approver, '')), (coalesce(step, -1)), at) DO NOTHING
        """, ps -> {
          ps.setString(1, workflowId);
          ps.setString(2, runId);
          ps.setString(3, approval.action());
          ps.setString(4, approval.approver());
          if (approval.step() == null) {
            ps.setNull(5, Types.INTEGER);
          } else {
            ps.setInt(5, approval.step());
          }
          ps.setBoolean(6, approval.accepted());
          ps.setString(7, approval.reason());
          ps.setObject(8, Sql.at(approval.atMillis()));
        });
  }

  @Override
  public void recordSlots(ServiceState state) {
    if (state == null || state.service() == null || state.environment() == null || state.slots() == null) {
      throw ApplicationFailure.newNonRetryableFailure("service state needs service, environment and slots: " + state, INVALID);
    }
    String sql = """
        INSERT INTO runbook.release_slots (service, environment, colour, version, role, weight, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (service, environment, colour) DO UPDATE SET
          version = excluded.version, role = excluded.role, weight = excluded.weight, updated_at = excluded.updated_at
        WHERE (release_slots.version, release_slots.role, release_slots.weight)
              IS DISTINCT FROM (excluded.version, excluded.role, excluded.weight)
        """;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (SlotState slot : state.slots()) {
          ps.setString(1, state.service());
          ps.setString(2, state.environment());
          ps.setString(3, slot.colour());
          ps.setString(4, slot.version());
          ps.setString(5, slot.role() == null ? "EMPTY" : slot.role().name());
          ps.setInt(6, slot.weight());
          ps.setObject(7, Sql.at(clock.millis()));
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.failure("record the slots of " + state.service() + " in " + state.environment(), e);
    }
  }

  @Override
  public void recordRunFinished(String workflowId, String runId, Outcome outcome, String reason, String liveVersion) {
    if (workflowId == null || runId == null || outcome == null) {
      throw ApplicationFailure.newNonRetryableFailure("run end needs workflowId, runId and outcome", INVALID);
    }
    update("record the end of " + workflowId, """
        INSERT INTO runbook.runs (workflow_id, run_id, finished_at, outcome, outcome_reason, live_version)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (workflow_id, run_id) DO UPDATE SET
          finished_at = coalesce(runs.finished_at, excluded.finished_at), outcome = excluded.outcome,
          outcome_reason = excluded.outcome_reason, live_version = excluded.live_version
        """, ps -> {
          ps.setString(1, workflowId);
          ps.setString(2, runId);
          ps.setObject(3, Sql.at(clock.millis()));
          ps.setString(4, outcome.name());
          ps.setString(5, reason);
          ps.setString(6, liveVersion);
        });
  }

  @Override
  public String writeIncidentReport(IncidentReport report) {
    RunHeader run = report == null ? null : report.run();
    if (run == null || run.workflowId() == null || run.runId() == null) {
      throw ApplicationFailure.newNonRetryableFailure("incident report needs workflowId and runId", INVALID);
    }
    String id = IncidentReportIds.of(run.workflowId(), run.runId());
    String body;
    try {
      body = Json.MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw ApplicationFailure.newNonRetryableFailure("incident report is not serialisable: " + e.getMessage(), INVALID);
    }
    update("store incident report " + id, """
        INSERT INTO runbook.incident_reports (id, workflow_id, run_id, service, environment, from_version, to_version,
                                              trigger, reason, body, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
        ON CONFLICT (workflow_id, run_id) DO NOTHING
        """, ps -> {
          ps.setString(1, id);
          ps.setString(2, run.workflowId());
          ps.setString(3, run.runId());
          ps.setString(4, run.service());
          ps.setString(5, run.environment());
          ps.setString(6, report.fromVersion());
          ps.setString(7, report.toVersion());
          ps.setString(8, report.trigger());
          ps.setString(9, report.reason());
          ps.setString(10, body);
          ps.setObject(11, Sql.at(report.createdAtMillis() > 0 ? report.createdAtMillis() : clock.millis()));
        });
    return id;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private void update(String what, String sql, Binder binder) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw Sql.failure(what, e);
    }
  }
}

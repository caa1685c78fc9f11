package dev.runbook.activities.registry;

import dev.runbook.workflows.api.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart of the embedded stack: the Java test server keeps runs in memory, so runs the
 * registry still shows as running may be gone from Temporal. Each such run is marked {@code LOST}
 * (only while it still has no outcome, so a run that finished meanwhile keeps its own), and a
 * target left with no run at all gets its traffic back on the live colour. A run the server still
 * knows is never touched; when the server cannot say (unreachable), nothing is touched either.
 */
public final class LostRunReconciler {
  private static final Logger log = LoggerFactory.getLogger(LostRunReconciler.class);

  /** Whether the Temporal server has this exact run (open or closed). Throws when it cannot tell. */
  @FunctionalInterface
  public interface ServerRuns {
    boolean knows(String workflowId, String runId);
  }

  /** Puts a target's traffic back on its live colour; returns what it did, or null when it is no platform target. */
  @FunctionalInterface
  public interface TrafficRestorer {
    String restore(String service, String environment);
  }

  /** One run marked LOST and what happened to its target's traffic (null: left as it was). */
  public record LostRun(String workflowId, String runId, String procedure, String service, String environment,
      String traffic) {}

  private record Open(String workflowId, String runId, String procedure, String service, String environment) {}

  private final DataSource dataSource;
  private final ServerRuns server;
  private final TrafficRestorer traffic;
  private final Clock clock;

  public LostRunReconciler(DataSource dataSource, ServerRuns server, TrafficRestorer traffic, Clock clock) {
    this.dataSource = dataSource;
    this.server = server;
    this.traffic = traffic;
    this.clock = clock;
  }

  /** Idempotent: a second call finds nothing open that the server does not know. */
  public List<LostRun> reconcile() {
    List<Open> open = openRuns();
    List<Open> lost = new ArrayList<>();
    Set<String> liveTargets = new LinkedHashSet<>();
    for (Open run : open) {
      if (server.knows(run.workflowId(), run.runId())) {
        liveTargets.add(run.service() + "/" + run.environment());
      } else {
        lost.add(run);
      }
    }
    List<LostRun> marked = new ArrayList<>();
    Set<String> restored = new LinkedHashSet<>();
    for (Open run : lost) {
      if (!markLost(run)) {
        continue;
      }
      String target = run.service() + "/" + run.environment();
      String did = null;
      if (run.service() != null && run.environment() != null && !liveTargets.contains(target) && restored.add(target)) {
        did = restoreQuietly(run);
      }
      log.warn("run {} ({}) of {} in {} is LOST: the Temporal server no longer knows it{}", run.workflowId(),
          run.runId(), run.service(), run.environment(), did == null ? "" : "; " + did);
      marked.add(new LostRun(run.workflowId(), run.runId(), run.procedure(), run.service(), run.environment(), did));
    }
    return marked;
  }

  private String restoreQuietly(Open run) {
    try {
      return traffic.restore(run.service(), run.environment());
    } catch (RuntimeException e) {
      // the run is LOST either way; a person moves the traffic when the platform cannot
      log.error("could not put the traffic of {} in {} back on its live colour: {}", run.service(), run.environment(),
          e.getMessage());
      return "traffic NOT restored: " + e.getMessage();
    }
  }

  private List<Open> openRuns() {
    String sql = "SELECT workflow_id, run_id, procedure, service, environment FROM runbook.runs "
        + "WHERE outcome IS NULL ORDER BY started_at NULLS LAST, workflow_id, run_id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<Open> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read open runs from the release registry: " + e.getMessage(), e);
    }
  }

  private boolean markLost(Open run) {
    String sql = "UPDATE runbook.runs SET outcome = ?, outcome_reason = ?, finished_at = ? "
        + "WHERE workflow_id = ? AND run_id = ? AND outcome IS NULL";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, Outcome.LOST.name());
      ps.setString(2, "the embedded Temporal server was restarted and no longer knows this run");
      ps.setObject(3, Sql.at(clock.millis()));
      ps.setString(4, run.workflowId());
      ps.setString(5, run.runId());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot mark run " + run.workflowId() + " LOST: " + e.getMessage(), e);
    }
  }
}

package dev.runbook.worker.api;

import dev.runbook.activities.release.ReleaseLogStore;
import dev.runbook.workflows.contract.DeploymentLog;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/releases/{workflowId}/logs}: the deployment logs a release archived, one per
 * environment in the order archived (what {@code runbook release log} prints). 404 when the
 * release archived none (yet); 503 naming the database when it cannot be read.
 */
@RestController
class ReleaseLogController {
  private final ReleaseLogStore logs;

  ReleaseLogController(DataSource dataSource) {
    this.logs = new ReleaseLogStore(dataSource);
  }

  @GetMapping("/api/releases/{workflowId}/logs")
  ResponseEntity<?> logs(@PathVariable String workflowId) {
    try {
      List<DeploymentLog> archived = logs.logsOf(workflowId);
      if (archived.isEmpty()) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error",
            "no deployment log archived for " + workflowId + " (a release archives one per environment it completed)"));
      }
      return ResponseEntity.ok(archived);
    } catch (SQLException e) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("down", RunsController.REGISTRY_DATABASE,
          "error", e.getMessage()));
    }
  }
}

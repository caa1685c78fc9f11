package dev.runbook.worker.api;

import dev.runbook.activities.registry.ApprovalRow;
import dev.runbook.activities.registry.RegistryReader;
import dev.runbook.activities.registry.RunRow;
import dev.runbook.activities.registry.SlotRow;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only HTTP view of the release registry for `runbook list`: the Temporal test server has no
 * list API, and the registry also knows what Temporal does not (slots, approvals audit).
 */
@RestController
class RunsController {
  private final RegistryReader registry;

  RunsController(RegistryReader registry) {
    this.registry = registry;
  }

  @GetMapping("/api/runs")
  List<RunRow> runs(@RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String service,
      @RequestParam(required = false) String environment) {
    return registry.recentRuns(Math.max(1, Math.min(limit, 500)), service, environment);
  }

  @GetMapping("/api/slots")
  List<SlotRow> slots(@RequestParam(required = false) String service,
      @RequestParam(required = false) String environment) {
    return registry.slots(service, environment);
  }

  @GetMapping("/api/runs/{workflowId}/approvals")
  List<ApprovalRow> approvals(@PathVariable String workflowId) {
    return registry.approvals(workflowId);
  }
}

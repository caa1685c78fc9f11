package dev.runbook.workflows.testing;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.contract.IncidentReport;
import dev.runbook.workflows.contract.RegistryActivities;
import dev.runbook.workflows.contract.RunRecord;
import dev.runbook.workflows.api.RunHeader;
import dev.runbook.workflows.contract.ServiceState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The release registry, in memory; upserts keyed like the real one so retries are harmless. */
public final class RecordingRegistry implements RegistryActivities {
  public record Approval(String workflowId, String runId, ApprovalRecord record) {}

  public record Finished(String workflowId, String runId, Outcome outcome, String reason, String liveVersion) {}

  private final List<RunRecord> started = new CopyOnWriteArrayList<>();
  private final List<Approval> approvals = new CopyOnWriteArrayList<>();
  private final List<ServiceState> slots = new CopyOnWriteArrayList<>();
  private final List<Finished> finished = new CopyOnWriteArrayList<>();
  private final Map<String, IncidentReport> reports = new ConcurrentHashMap<>();

  @Override
  public void recordRunStarted(RunRecord run) {
    started.add(run);
  }

  @Override
  public void recordApproval(String workflowId, String runId, ApprovalRecord approval) {
    approvals.add(new Approval(workflowId, runId, approval));
  }

  @Override
  public void recordSlots(ServiceState state) {
    slots.add(state);
  }

  @Override
  public void recordRunFinished(String workflowId, String runId, Outcome outcome, String reason, String liveVersion) {
    finished.add(new Finished(workflowId, runId, outcome, reason, liveVersion));
  }

  @Override
  public String writeIncidentReport(IncidentReport report) {
    String id = "INC-" + report.run().runId().substring(0, 8);
    reports.put(id, report);
    return id;
  }

  /** The headers of the runs recorded as started. */
  public List<RunHeader> started() {
    return started.stream().map(RunRecord::header).toList();
  }

  public List<ApprovalRecord> approvals() {
    return approvals.stream().map(Approval::record).toList();
  }

  public List<Approval> approvalRows() {
    return List.copyOf(approvals);
  }

  public List<ServiceState> slots() {
    return List.copyOf(slots);
  }

  public List<Finished> finished() {
    return List.copyOf(finished);
  }

  public Map<String, IncidentReport> reports() {
    return Map.copyOf(reports);
  }

  public IncidentReport onlyReport() {
    if (reports.size() != 1) {
      throw new AssertionError("expected exactly one incident report, got " + reports.keySet());
    }
    return reports.values().iterator().next();
  }
}

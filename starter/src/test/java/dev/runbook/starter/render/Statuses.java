package dev.runbook.starter.render;

import dev.runbook.workflows.api.ApprovalRecord;
import dev.runbook.workflows.api.LogEntry;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RuleObservation;
import dev.runbook.workflows.api.RuleVerdict;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import java.util.List;
import java.util.Map;

/** Sample statuses of a code deploy of learning-api, at fixed workflow times (UTC 10:00:00 = T). */
final class Statuses {
  static final long T = 1_767_261_600_000L; // 2026-01-01T10:00:00Z

  private Statuses() {}

  static long at(int seconds) {
    return T + seconds * 1000L;
  }

  /** Canary at 10%, watch passed, waiting for an approver. */
  static RunbookStatus awaitingApproval() {
    return new RunbookStatus(
        "CodeDeploy", "deploy:learning-api:local", "learning-api", "local", "v1.5.1", "ci", "req-0123456789abcdef", null,
        Phase.AWAITING_APPROVAL, 2,
        List.of(
            new StepView("Deploy v1.5.1 to green", StepState.SUCCEEDED, "2 instances healthy", at(0), at(12)),
            new StepView("Smoke test green", StepState.SUCCEEDED, "4/4 checks passed", at(12), at(15)),
            new StepView("Canary 10% (watch 30s)", StepState.WAITING, "watch passed; awaiting approval", at(15), null),
            new StepView("Canary 50% (watch 30s)", StepState.PENDING, null, null, null),
            new StepView("Cut over to green", StepState.PENDING, null, null, null),
            new StepView("Retire blue", StepState.PENDING, null, null, null)),
        Map.of("green", 10, "blue", 90), "blue", "green", "blue", "v1.5.0",
        List.of(
            new RuleObservation("error-rate", 0.02, 0.05, 118L, RuleVerdict.OK, null, at(40)),
            new RuleObservation("p95-latency", 0.2134, 2.0, 118L, RuleVerdict.OK, null, at(40)),
            new RuleObservation("error-rate", 0.0123, 0.05, 120L, RuleVerdict.OK, "120 requests", at(45))),
        "approval to go past Canary 10% (watch 30s)", List.of("alice", "bob"), List.of(),
        List.of(
            new LogEntry(at(0), "deploying v1.5.1 to green"),
            new LogEntry(at(12), "green healthy: 2 instances"),
            new LogEntry(at(15), "smoke tests passed (4/4)"),
            new LogEntry(at(15), "traffic: blue 90% / green 10%"),
            new LogEntry(at(45), "watch passed: error-rate 0.012 <= 0.05")),
        null, null, at(0), at(45));
  }

  /** The first canary step tripped the error-rate rule; traffic is back on blue. */
  static RunbookStatus rolledBack() {
    return rolledBack(null);
  }

  /** The same, with every skipped step carrying {@code skippedDetail} (the kit's rollback reason). */
  static RunbookStatus rolledBack(String skippedDetail) {
    return new RunbookStatus(
        "CodeDeploy", "deploy:learning-api:local", "learning-api", "local", "v1.6.0", "ci", "req-fedcba9876543210", null,
        Phase.DONE, 2,
        List.of(
            new StepView("Deploy v1.6.0 to green", StepState.SUCCEEDED, "2 instances healthy", at(0), at(11)),
            new StepView("Smoke test green", StepState.SUCCEEDED, "4/4 checks passed", at(11), at(14)),
            new StepView("Canary 10% (watch 30s)", StepState.ROLLED_BACK, "error-rate 0.21 > 0.05 for 10s", at(14), at(29)),
            new StepView("Canary 50% (watch 30s)", StepState.SKIPPED, skippedDetail, null, null),
            new StepView("Cut over to green", StepState.SKIPPED, skippedDetail, null, null),
            new StepView("Retire blue", StepState.SKIPPED, skippedDetail, null, null)),
        Map.of("blue", 100, "green", 0), "blue", "green", "blue", "v1.5.0",
        List.of(new RuleObservation("error-rate", 0.2087, 0.05, 96L, RuleVerdict.FIRING, "for 10s", at(29))),
        null, List.of("alice", "bob"), List.of(),
        List.of(
            new LogEntry(at(0), "deploying v1.6.0 to green"),
            new LogEntry(at(14), "traffic: blue 90% / green 10%"),
            new LogEntry(at(29), "rule error-rate fired: 0.21 > 0.05 for 10s"),
            new LogEntry(at(30), "rolling back: traffic to blue"),
            new LogEntry(at(31), "traffic: blue 100% / green 0%")),
        Outcome.ROLLED_BACK, "error-rate 0.21 > 0.05 for 10s at Canary 10%", at(0), at(31));
  }

  /** All steps done, green live. */
  static RunbookStatus succeeded() {
    return new RunbookStatus(
        "CodeDeploy", "deploy:learning-api:local", "learning-api", "local", "v1.5.1", "ci", "req-0123456789abcdef", null,
        Phase.DONE, 5,
        List.of(
            new StepView("Deploy v1.5.1 to green", StepState.SUCCEEDED, "2 instances healthy", at(0), at(12)),
            new StepView("Smoke test green", StepState.SUCCEEDED, "4/4 checks passed", at(12), at(15)),
            new StepView("Canary 10% (watch 30s)", StepState.SUCCEEDED, "promoted by alice", at(15), at(50)),
            new StepView("Canary 50% (watch 30s)", StepState.SUCCEEDED, "promoted by alice", at(50), at(85)),
            new StepView("Cut over to green", StepState.SUCCEEDED, "green 100%", at(85), at(86)),
            new StepView("Retire blue", StepState.SUCCEEDED, "v1.5.0 kept warm as standby", at(86), at(88))),
        Map.of("blue", 0, "green", 100), "green", null, "green", "v1.5.1",
        List.of(
            new RuleObservation("error-rate", 0.004, 0.05, 240L, RuleVerdict.OK, null, at(84)),
            new RuleObservation("p95-latency", null, 2.0, 0L, RuleVerdict.INCONCLUSIVE, "no samples", at(84))),
        null, List.of("alice", "bob"),
        List.of(
            new ApprovalRecord("promote", "alice", 2, true, "demo", at(50)),
            new ApprovalRecord("promote", "ci", 3, false, "the requester cannot approve", at(80)),
            new ApprovalRecord("promote", "alice", 3, true, null, at(85))),
        List.of(
            new LogEntry(at(1), "l1"), new LogEntry(at(2), "l2"), new LogEntry(at(3), "l3"),
            new LogEntry(at(4), "l4"), new LogEntry(at(5), "l5"), new LogEntry(at(6), "l6"),
            new LogEntry(at(7), "l7"), new LogEntry(at(8), "l8"), new LogEntry(at(9), "l9"),
            new LogEntry(at(88), "done: v1.5.1 live on green")),
        Outcome.SUCCEEDED, "v1.5.1 live on green", at(0), at(88));
  }
}

package dev.runbook.workflows.testing;

import static dev.runbook.workflows.contract.Comparison.GREATER_THAN;
import static dev.runbook.workflows.contract.MetricKind.COMPLAINTS;
import static dev.runbook.workflows.contract.MetricKind.ERROR_RATE_PERCENT;
import static dev.runbook.workflows.contract.MetricKind.HEALTH_CHECK_FAILURES;
import static dev.runbook.workflows.contract.MetricKind.LATENCY_P95_MS;
import static dev.runbook.workflows.contract.RuleAction.NOTIFY;
import static dev.runbook.workflows.contract.RuleAction.ROLLBACK;

import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EnvironmentPolicy;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.WatchRule;
import java.util.List;

/**
 * The production policy of the seeds (000 procedure 3, 003): 10% watched 30m then a manual gate,
 * 50% watched 1h then a manual gate, 100% watched 15m; auto-rollback on error rate, p95, health
 * checks, complaints and degradation against the stable colour; alice and bob approve, never the
 * requester; hold and remind every 30m after 1h. Variants for the tests that need another knob.
 */
public final class Policies {
  public static final String ERROR_RATE = "error-rate";
  public static final String P95 = "p95-latency";
  public static final String HEALTH = "health-checks";
  public static final String COMPLAINTS_RULE = "complaints";
  public static final String DEGRADATION = "degradation";
  public static final String ERROR_RATE_NOTIFY = "error-rate-warning";

  private Policies() {}

  public static List<WatchRule> productionRules() {
    return List.of(
        new WatchRule(ERROR_RATE, ERROR_RATE_PERCENT, GREATER_THAN, 5, false, 120, 60, ROLLBACK, 50, null, null),
        new WatchRule(P95, LATENCY_P95_MS, GREATER_THAN, 2000, false, 300, 60, ROLLBACK, 0, null, null),
        new WatchRule(HEALTH, HEALTH_CHECK_FAILURES, GREATER_THAN, 2, false, 0, 60, ROLLBACK, 0, null, null),
        new WatchRule(COMPLAINTS_RULE, COMPLAINTS, GREATER_THAN, 10, false, 0, 300, ROLLBACK, 0, null, null),
        new WatchRule(DEGRADATION, LATENCY_P95_MS, GREATER_THAN, 1.5, true, 300, 60, ROLLBACK, 0, null, null),
        new WatchRule(ERROR_RATE_NOTIFY, ERROR_RATE_PERCENT, GREATER_THAN, 2, false, 0, 60, NOTIFY, 0, null, null));
  }

  public static EnvironmentPolicy production() {
    return new EnvironmentPolicy(
        "production",
        FakePlatform.SERVICE,
        "sandbox",
        productionRules(),
        new ApprovalPolicy(true, List.of("alice", "bob"), false, 3600, ApprovalTimeoutAction.HOLD_AND_REMIND, 1800),
        10,
        30,
        600,
        new RolloutPolicy(
            List.of(new RolloutStep(10, 1800, true), new RolloutStep(50, 3600, true), new RolloutStep(100, 900, false)),
            600),
        new EmergencyPolicy(7200, 600),
        escalation());
  }

  /** Gates pass by themselves after a healthy window (staging-like). */
  public static EnvironmentPolicy autoGates(EnvironmentPolicy p) {
    ApprovalPolicy a = p.approval();
    return withApproval(p, new ApprovalPolicy(false, a.approvers(), a.requesterMayApprove(), a.timeoutSeconds(),
        a.onTimeout(), a.remindEverySeconds()));
  }

  /** Nobody promoting within the timeout rolls the run back. */
  public static EnvironmentPolicy rollbackOnApprovalTimeout(EnvironmentPolicy p) {
    ApprovalPolicy a = p.approval();
    return withApproval(p, new ApprovalPolicy(a.manual(), a.approvers(), a.requesterMayApprove(), a.timeoutSeconds(),
        ApprovalTimeoutAction.ROLLBACK, a.remindEverySeconds()));
  }

  public static EnvironmentPolicy withApproval(EnvironmentPolicy p, ApprovalPolicy approval) {
    return new EnvironmentPolicy(p.environment(), p.service(), p.platform(), p.rules(), approval, p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), p.rollout(), p.emergency());
  }

  public static EnvironmentPolicy withSteps(EnvironmentPolicy p, List<RolloutStep> steps) {
    return new EnvironmentPolicy(p.environment(), p.service(), p.platform(), p.rules(), p.approval(), p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), new RolloutPolicy(steps, p.rollout().retireAfterSeconds()),
        p.emergency());
  }

  /** The rolling strategy: batches of {@code maxUnavailable + maxSurge}, each watched {@code batchWatch} seconds. */
  public static EnvironmentPolicy rolling(EnvironmentPolicy p, int maxUnavailable, int maxSurge, long batchWatch) {
    return new EnvironmentPolicy(p.environment(), p.service(), p.platform(), p.rules(), p.approval(), p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), new dev.runbook.workflows.contract.RolloutPolicy(
            p.rollout().steps(), p.rollout().retireAfterSeconds(), dev.runbook.workflows.contract.DeployStrategy.ROLLING,
            new dev.runbook.workflows.contract.RollingPolicy(maxUnavailable, maxSurge, batchWatch, 60)),
        p.emergency(), p.incident());
  }

  public static EnvironmentPolicy withEmergencyWatch(EnvironmentPolicy p, long seconds) {
    return new EnvironmentPolicy(p.environment(), p.service(), p.platform(), p.rules(), p.approval(), p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), p.rollout(),
        new EmergencyPolicy(seconds, p.emergency().retireAfterSeconds()));
  }

  /**
   * Seed 002's escalation chain: development team (dana, erin) 0-15 min, technical leadership
   * (frank) 15-30, executive (grace) 30-60; the chain once more; ack timeout 30 min; the report due
   * 24h after resolve, reminders every 8h.
   */
  public static EscalationPolicy escalation() {
    return new EscalationPolicy(List.of(
        new EscalationLevel("development team", List.of("dana", "erin"), 900),
        new EscalationLevel("technical leadership", List.of("frank"), 900),
        new EscalationLevel("executive", List.of("grace"), 1800)), 1, 1800, 86_400, 28_800);
  }

  public static EnvironmentPolicy withEscalation(EnvironmentPolicy p, EscalationPolicy incident) {
    return new EnvironmentPolicy(p.environment(), p.service(), p.platform(), p.rules(), p.approval(), p.pollSeconds(),
        p.heartbeatTimeoutSeconds(), p.deployTimeoutSeconds(), p.rollout(), p.emergency(), incident);
  }
}

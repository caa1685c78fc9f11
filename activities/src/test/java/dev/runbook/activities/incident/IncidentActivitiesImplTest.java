package dev.runbook.activities.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.policy.EnvironmentSettings;
import dev.runbook.activities.policy.PolicyActivitiesImpl;
import dev.runbook.activities.policy.PolicyCatalog;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.SearchAttributeKeys;
import dev.runbook.workflows.api.TaskQueues;
import dev.runbook.workflows.contract.ApprovalPolicy;
import dev.runbook.workflows.contract.ApprovalTimeoutAction;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.EmergencyPolicy;
import dev.runbook.workflows.contract.EscalationLevel;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RolloutPolicy;
import dev.runbook.workflows.contract.RolloutStep;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import dev.runbook.workflows.incident.IncidentResponseWorkflow;
import dev.runbook.workflows.incident.IncidentResponseWorkflowImpl;
import io.temporal.activity.DynamicActivity;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Opening an incident for a runbook copies the configured escalation policy into the incident's
 * input, and a second opening joins it; the real IncidentResponse workflow on a test server.
 */
class IncidentActivitiesImplTest {
  private static final EscalationPolicy POLICY = new EscalationPolicy(List.of(
      new EscalationLevel("development team", List.of("alice"), 900)), 0, 1800, 86_400, 21_600);

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private static final WatchRule ERROR_RATE = new WatchRule("error-rate", MetricKind.ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 5, false, 120, 60, RuleAction.ROLLBACK, 0, null, null);

  private final PolicyCatalog catalog = new PolicyCatalog(Map.of("production", settings(POLICY), "staging",
      settings(null)));

  private static EnvironmentSettings settings(EscalationPolicy incident) {
    return new EnvironmentSettings("sandbox", "sandbox", List.of("learning-api"), List.of(ERROR_RATE),
        new ApprovalPolicy(true, List.of("alice"), false, 3600, ApprovalTimeoutAction.HOLD_AND_REMIND, 1800), 10, 30,
        600, new RolloutPolicy(List.of(new RolloutStep(100, 60, false)), 0), new EmergencyPolicy(120, 0), null,
        incident);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void opensWithTheConfiguredPolicyCopiedInThenJoins() {
    SearchAttributeKeys.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(TaskQueues.RUNBOOK);
    worker.registerWorkflowImplementationTypes(IncidentResponseWorkflowImpl.class);
    // the registry, notifier and run control answer nothing here
    worker.registerActivitiesImplementations(new PolicyActivitiesImpl(catalog), (DynamicActivity) args -> null);
    env.start();
    IncidentActivitiesImpl incidents = new IncidentActivitiesImpl(env.getWorkflowClient(), catalog, TaskQueues.RUNBOOK);

    IncidentRequest request = new IncidentRequest(1, "learning-api", "production", "rollback incomplete", "carol",
        "r1", "deploy:learning-api:production", null);
    IncidentJoin first = incidents.openIncident(request);
    IncidentJoin second = incidents.openIncident(request);

    assertThat(first.joined()).isFalse();
    assertThat(second.joined()).isTrue();
    IncidentResponseWorkflow incident = env.getWorkflowClient().newWorkflowStub(IncidentResponseWorkflow.class,
        first.workflowId());
    IncidentView v = incident.incident();
    assertThat(v.policy()).isEqualTo(POLICY);
    assertThat(env.getWorkflowClient().fetchHistory(first.workflowId()).getHistory().getEvents(0)
        .getWorkflowExecutionStartedEventAttributes().getInput().toString()).contains("development team");

    assertThatThrownBy(() -> incidents.openIncident(new IncidentRequest(1, "learning-api", "staging", "x", "carol",
        null, null, null))).isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("NoEscalationPolicy");
          assertThat(f.getOriginalMessage()).contains("runbook.environments.staging.incident-response");
        });
  }
}

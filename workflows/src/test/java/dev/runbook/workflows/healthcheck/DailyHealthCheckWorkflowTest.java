package dev.runbook.workflows.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.OperationMarkdown;
import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.api.OperationRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** The daily health check: a report per run; failing checks open one sev-2 incident per environment. */
@RunbookTest(DailyHealthCheckWorkflowImpl.class)
class DailyHealthCheckWorkflowTest {
  static final String ID = Procedure.DAILY_HEALTH_CHECK.workflowId(Procedure.DAILY_HEALTH_CHECK_KEY, "all");
  private final RunbookTestEnvironment rt;

  DailyHealthCheckWorkflowTest(RunbookTestEnvironment rt) {
    this.rt = rt;
  }

  private DailyHealthCheckWorkflow start(String environment) {
    DailyHealthCheckWorkflow stub = rt.client.newWorkflowStub(DailyHealthCheckWorkflow.class, rt.options(ID));
    WorkflowClient.start(stub::check, new OperationRequest(environment, "schedule", "2026-12-08T06:00:00Z"));
    return stub;
  }

  @Test
  void everythingHealthyIsAPassedReportAndNoIncident() {
    DailyHealthCheckWorkflow run = start("all");

    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).isEqualTo("5 of 5 checks passed");
    OperationReport report = run.report();
    assertThat(report.passed()).isTrue();
    assertThat(report.checks()).extracting(CheckResult::check).containsExactly("service health", "service health",
        "database", "metric source", "worker");
    assertThat(rt.operations.reports()).containsExactly(report);
    assertThat(rt.incidents.requests()).isEmpty();
    assertThat(report.requestedBy()).isEqualTo("schedule");
  }

  @Test
  void aFailingCheckOpensASevTwoIncidentUnderItsServiceAndTheRunFails() {
    rt.operations.failing("web on sandbox").unreachable("target database");
    DailyHealthCheckWorkflow run = start("all");

    RunbookResult result = rt.result(ID);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.reason()).startsWith("3 of 5 checks passed; failed: service health production/web on sandbox "
        + "(503 from /health); database production/target database (could not check: connection refused: target database)");
    IncidentRequest incident = rt.incidents.requests().get(0);
    assertThat(rt.incidents.requests()).hasSize(1);
    assertThat(incident.severity()).isEqualTo(2);
    assertThat(incident.service()).isEqualTo("web");
    assertThat(incident.environment()).isEqualTo("production");
    assertThat(incident.source()).isEqualTo(ID);
    assertThat(incident.summary()).contains("2 check(s) failed in production", "web on sandbox", "target database");
    OperationReport report = run.report();
    assertThat(report.actions()).containsExactly("opened sev-2 incident incident:web:production");
    assertThat(OperationMarkdown.of(report)).contains("# health-check of all: FAILED",
        "| service health | production | web on sandbox | **FAIL** | 503 from /health | 5 |",
        "- opened sev-2 incident incident:web:production");
    assertThat(rt.operations.reports()).hasSize(1);
  }

  @Test
  void anUnknownEnvironmentIsRefusedAndChecksNothing() {
    start("staging");

    assertThatThrownBy(() -> rt.result(ID)).isInstanceOf(WorkflowFailedException.class).rootCause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo("UnknownEnvironment");
          assertThat(f.getOriginalMessage()).contains("unknown environment 'staging'");
        });
    assertThat(rt.operations.reports()).isEmpty();
  }
}

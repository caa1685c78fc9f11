package dev.runbook.workflows.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.IncidentCommand;
import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentMarkdown;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.IncidentView;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/** Open, join, resolve, the post-incident report on its 24h timer, and refusals. */
@RunbookTest(IncidentResponseWorkflowImpl.class)
class IncidentLifecycleTest {
  private static final long HOUR = 3600;
  private final RunbookTestEnvironment rt;
  private final IncidentRuns incidents;

  IncidentLifecycleTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.incidents = new IncidentRuns(rt);
  }

  @Test
  void aSevOneRollsBackTheRunningDeployJoinsRepeatPagesAndClosesWithItsReport() {
    rt.runControl.running(RunbookTestEnvironment.DEPLOY_ID, "ABORTED");
    IncidentView opened = incidents.open(1);
    IncidentJoin again = incidents.open(IncidentRuns.request(2, "p95 3.1s on learning-api"));

    assertThat(again.joined()).isTrue();
    assertThat(again.workflowId()).isEqualTo(IncidentRuns.ID);
    IncidentView v = incidents.await("rolled back", x -> x.actions().stream().anyMatch(a -> a.contains("ABORTED")));
    assertThat(v.actions()).contains("roll back deploy:learning-api:production: aborted, it ended ABORTED",
        "roll back emergency:learning-api:production: no deploy running");
    assertThat(rt.runControl.calls()).filteredOn(c -> c.workflowId().equals(RunbookTestEnvironment.DEPLOY_ID))
        .singleElement().satisfies(c -> assertThat(c.reason()).startsWith("sev-1 incident incident:learning-api:production"));
    assertThat(IncidentRuns.kinds(v)).contains(Kind.JOINED);

    assertThat(incidents.ack("dana").targetMet()).isTrue();
    IncidentView resolved = incidents.resolve("dana", "rolled back v1.6.0");
    assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
    assertThat(resolved.reportDueAtMillis()).isEqualTo(resolved.resolvedAtMillis() + 24 * HOUR * 1000);
    assertThatThrownBy(() -> incidents.ack("erin")).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("is resolved: nothing to acknowledge");

    v = incidents.after(9 * HOUR, "first reminder", x -> IncidentRuns.kinds(x).contains(Kind.REPORT_REMINDER));
    assertThat(v.reportDueAtMillis()).isEqualTo(v.resolvedAtMillis() + 24 * HOUR * 1000);
    incidents.stub().fileReport(new IncidentCommand("frank", "connection pool exhausted by v1.6.0"));

    RunbookResult result = rt.result(IncidentRuns.ID);
    assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(result.reason()).contains("sev1 incident resolved by dana: rolled back v1.6.0",
        "acknowledged by dana at level 1", "target 300s met", "report filed by frank");
    IncidentView report = incidents.view(); // a closed run still answers the query
    assertThat(report.state()).isEqualTo(IncidentState.CLOSED);
    assertThat(IncidentMarkdown.render(report)).contains("# Incident incident:learning-api:production: sev1",
        "| Root cause | connection pool exhausted by v1.6.0 (frank) |", "target met",
        "- roll back deploy:learning-api:production: aborted, it ended ABORTED", "`escalate:level-1:page-1`");
    assertThat(rt.registry.onlyReport())
        .satisfies(r -> assertThat(r.reason()).isEqualTo("root cause: connection pool exhausted by v1.6.0"));
    assertThatThrownBy(() -> incidents.resolve("dana", "again")).isInstanceOf(RuntimeException.class);
  }

  @Test
  void theReportIsDueInTwentyFourHoursWithRemindersThenOverdue() {
    incidents.open(3);
    incidents.resolve("erin", "false alarm");

    IncidentView v = incidents.after(16 * HOUR + 60, "two reminders",
        x -> IncidentRuns.kinds(x).stream().filter(k -> k == Kind.REPORT_REMINDER).count() == 2);
    assertThat(v.state()).isEqualTo(IncidentState.RESOLVED);
    rt.sleep(java.time.Duration.ofHours(8));

    RunbookResult result = rt.result(IncidentRuns.ID);
    assertThat(result.reason()).contains("never acknowledged", "report overdue");
    assertThat(rt.notifier.sent()).extracting(Notification::event).containsSubsequence("escalate:level-1:page-1",
        "report-due", "report-reminder-1", "report-reminder-2", "report-overdue");
    assertThat(incidents.view().timeline()).filteredOn(e -> e.kind() == Kind.REPORT_REMINDER)
        .extracting(e -> (e.atMillis() - v.resolvedAtMillis()) / 1000 / HOUR).containsExactly(8L, 16L);
  }

  @Test
  void aPageWhileTheReportIsDueReopensTheIncident() {
    incidents.open(2);
    incidents.resolve("dana", "restarted");

    IncidentJoin again = incidents.open(IncidentRuns.request(1, "error rate back at 9%"));

    assertThat(again.joined()).isTrue();
    IncidentView v = incidents.await("reopened and paged", x -> x.state() == IncidentState.OPEN && x.pages().size() == 2);
    assertThat(IncidentRuns.kinds(v)).containsSubsequence(Kind.RESOLVED, Kind.REOPENED, Kind.ESCALATED);
    assertThat(v.reportDueAtMillis()).isNull();
  }

  @Test
  void badInputIsRefusedWithAReason() {
    assertRefused(IncidentRuns.request(7, "x"), "InvalidRequest", "severity 7 is not a severity");
    assertRefused(new dev.runbook.workflows.api.IncidentRequest(1, "learning-api", "staging", "x", "carol", null, null,
        null), "UnknownEnvironment", "unknown environment 'staging'");
    assertRefused(new dev.runbook.workflows.api.IncidentRequest(1, "billing", "production", "x", "carol", null, null,
        null), "UnknownService", "unknown service 'billing'");

    var wrongId = rt.client.newWorkflowStub(IncidentResponseWorkflow.class, rt.options("my-incident"));
    io.temporal.client.WorkflowClient.start(wrongId::respond, IncidentRuns.request(1, "x"));
    assertThatThrownBy(() -> rt.result("my-incident")).rootCause()
        .hasMessageContaining("workflow id 'my-incident' must be 'incident:learning-api:production'");

    incidents.open(1);
    assertThatThrownBy(() -> incidents.ack("mallory")).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("mallory is not on the escalation policy");
    assertThatThrownBy(() -> incidents.resolve("dana", " ")).isInstanceOf(WorkflowUpdateException.class)
        .rootCause().hasMessageContaining("resolve needs a summary");
    incidents.stub().acknowledgeSignal(new IncidentCommand("mallory", null)); // the UI's way: refused into the timeline
    assertThat(incidents.await("refusal recorded", x -> IncidentRuns.kinds(x).contains(Kind.REFUSED)).state())
        .isEqualTo(IncidentState.OPEN);
  }

  private void assertRefused(dev.runbook.workflows.api.IncidentRequest request, String type, String message) {
    incidents.open(request);
    assertThatThrownBy(() -> rt.result(dev.runbook.workflows.api.Procedure.INCIDENT_RESPONSE.workflowId(request))).isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.getType()).isEqualTo(type);
          assertThat(f.getOriginalMessage()).contains(message);
        });
  }
}

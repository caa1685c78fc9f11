package dev.runbook.workflows.incident;

import dev.runbook.workflows.api.IncidentEvent.Kind;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.contract.EscalationPolicy;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.kit.StatusTracker;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * After resolve, the post-incident report is due (seed 000: within 24h): reminders on durable
 * timers every {@code reportRemindEverySeconds}, a warning when it is overdue. A new page meanwhile
 * reopens the incident instead.
 */
final class PostIncident {
  /** How the wait for the report ended. */
  enum Ending { FILED, OVERDUE, REOPENED }

  private final IncidentFile file;
  private final IncidentNotices notices;
  private final StatusTracker status;

  PostIncident(IncidentFile file, IncidentNotices notices, StatusTracker status) {
    this.file = file;
    this.notices = notices;
    this.status = status;
  }

  Ending awaitReport() {
    EscalationPolicy policy = file.policy();
    long resolvedAt = file.resolvedAt();
    long due = resolvedAt + policy.reportDueSeconds() * 1000;
    file.reportDue(due);
    status.phase(Phase.WRITING_REPORT, "post-incident report due");
    status.waitingFor("post-incident report", policy.everyone());
    // a reopened incident reports again: its notices need event names of their own
    String suffix = file.reopenings() == 0 ? "" : ":reopened-" + file.reopenings();
    String fileIt = notices.commands("report") + " --root-cause TEXT";
    notices.send(Severity.INFO, "report-due" + suffix, "resolved; post-incident report due",
        "Resolved. File the post-incident report (root cause) within " + policy.reportDueSeconds() / 3600 + "h: " + fileIt,
        Map.of("report", fileIt));
    int reminder = 0;
    while (true) {
      long next = Math.min(due, resolvedAt + (reminder + 1) * policy.reportRemindEverySeconds() * 1000);
      boolean ended = Timers.awaitUntil(next, next == due ? "report due" : "report reminder " + (reminder + 1),
          () -> file.state() != IncidentState.RESOLVED);
      if (ended) {
        return file.state() == IncidentState.CLOSED ? Ending.FILED : Ending.REOPENED;
      }
      if (next == due) {
        file.event(Kind.REPORT_OVERDUE, null, null, "no post-incident report filed by the due time");
        notices.send(Severity.WARNING, "report-overdue" + suffix, "post-incident report overdue",
            "No post-incident report was filed within " + policy.reportDueSeconds() / 3600 + "h of resolve.", Map.of());
        file.close();
        return Ending.OVERDUE;
      }
      reminder++;
      file.event(Kind.REPORT_REMINDER, null, null, "reminder " + reminder + ": post-incident report due");
      notices.send(Severity.INFO, "report-reminder-" + reminder + suffix, "post-incident report reminder " + reminder,
          "The post-incident report is due at the latest " + policy.reportDueSeconds() / 3600 + "h after resolve: "
              + fileIt, Map.of("report", fileIt));
    }
  }
}

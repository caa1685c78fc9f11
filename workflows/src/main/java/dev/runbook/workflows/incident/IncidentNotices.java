package dev.runbook.workflows.incident;

import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.Severity;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunRecorder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The incident's notifications, through the run's notifier (Slack-compatible webhook, PagerDuty
 * Events v2 trigger for a page). Each carries an event name unique within the incident, which the
 * notifier turns into its dedup key; a failed send is logged and the incident goes on.
 */
final class IncidentNotices {
  private final RunContext ctx;
  private final RunRecorder recorder;
  private final IncidentFile file;

  IncidentNotices(RunContext ctx, RunRecorder recorder, IncidentFile file) {
    this.ctx = ctx;
    this.recorder = recorder;
    this.file = file;
  }

  void send(Severity severity, String event, String title, String body, Map<String, String> facts) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("incident", ctx.workflowId());
    details.put("severity", file.severity().label());
    details.putAll(facts);
    recorder.guarded("notify", () -> ctx.activities().notifier().notify(new Notification(severity,
        file.severity().label().toUpperCase() + " " + ctx.service() + " in " + ctx.environment() + ": " + title,
        body, ctx.service(), ctx.environment(), ctx.workflowId(), event, null, details)));
  }

  /** The commands a person answers with, quoted for a shell. */
  String commands(String verb) {
    return "runbook incident " + verb + " '" + ctx.workflowId() + "' --as NAME";
  }
}

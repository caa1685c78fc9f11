package dev.runbook.workflows.operations;

import dev.runbook.workflows.api.CheckResult;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.OperationReport;
import dev.runbook.workflows.kit.Failures;
import dev.runbook.workflows.kit.RunContext;
import dev.runbook.workflows.kit.RunbookActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scheduled operation does with its findings: builds the report, opens incidents for
 * failing checks and stores the report. Bookkeeping never decides the run: a failed store is
 * logged in the report's actions.
 */
public final class OperationRecorder {
  private final RunContext ctx;
  private final List<String> actions = new ArrayList<>();
  private final long startedAt = Workflow.currentTimeMillis();

  public OperationRecorder(RunContext ctx) {
    this.ctx = ctx;
  }

  public void action(String what) {
    actions.add(what);
    ctx.status().log(what);
  }

  /**
   * Opens (or joins) a sev-{@code severity} incident per environment with failures, filed under the
   * failing check's service, else under the environment's incident service from the plan.
   */
  public void openIncidents(int severity, List<CheckResult> checks, OperationPlan plan, String what) {
    Map<String, List<CheckResult>> byEnvironment = new LinkedHashMap<>();
    checks.stream().filter(c -> !c.passed()).forEach(c ->
        byEnvironment.computeIfAbsent(c.environment(), e -> new ArrayList<>()).add(c));
    byEnvironment.forEach((env, failed) -> {
      String service = failed.stream().map(c -> serviceOf(c, plan)).filter(s -> s != null).findFirst()
          .orElse(plan.incidentServices().get(env));
      if (service == null) {
        action("no incident for " + env + ": no service to file it under");
        return;
      }
      String summary = what + ": " + failed.size() + " check(s) failed in " + env + ": "
          + String.join("; ", failed.stream().map(c -> c.check() + " " + c.target() + " (" + c.detail() + ")").toList());
      IncidentRequest request = new IncidentRequest(severity, service, env, summary.length() > 499
          ? summary.substring(0, 498) + "…" : summary, "runbook", Workflow.getInfo().getRunId(), ctx.workflowId(), null);
      try {
        IncidentJoin join = ctx.activities().incidents().openIncident(request);
        action((join.joined() ? "joined" : "opened") + " sev-" + severity + " incident " + join.workflowId());
      } catch (ActivityFailure e) {
        action("opening a sev-" + severity + " incident for " + service + " in " + env + " failed: "
            + Failures.rootMessage(e));
      }
    });
  }

  private static String serviceOf(CheckResult c, OperationPlan plan) {
    return plan.checks().stream().filter(p -> p.target().equals(c.target()) && p.environment().equals(c.environment()))
        .map(OperationCheck::service).filter(s -> s != null).findFirst().orElse(null);
  }

  /** The report of this run so far, with {@code checks} and {@code measurements}. */
  public OperationReport report(List<CheckResult> checks, Map<String, Long> measurements) {
    return new OperationReport(ctx.procedure().cliName(), ctx.workflowId(), Workflow.getInfo().getRunId(),
        ctx.environment(), ctx.header().requestedBy(), startedAt, Workflow.currentTimeMillis(), checks, measurements,
        actions);
  }

  /** Stores {@code report}; a failure is logged, the run goes on. */
  public void store(OperationReport report) {
    try {
      RunbookActivities.beforePolicy(OperationReportActivities.class, "record report").recordOperationReport(report);
    } catch (ActivityFailure e) {
      ctx.status().log("storing the report failed: " + Failures.rootMessage(e));
    }
  }
}

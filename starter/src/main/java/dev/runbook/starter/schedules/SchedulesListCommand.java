package dev.runbook.starter.schedules;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.schedules.ScheduleControl;
import dev.runbook.workflows.schedules.ScheduleView;
import dev.runbook.workflows.schedules.ScheduledJob;
import dev.runbook.workflows.schedules.ScheduledJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/** `runbook schedules list`. */
@Command(
    name = "list",
    header = "Show each schedule: path, spec, state, next fire, counters.",
    description = {"Show each scheduled operation: whether a Temporal Schedule or the fallback",
        "scheduler workflow runs it, its UTC spec and overlap policy, paused or not,",
        "the next fire, the run going on, and how many fired, were skipped or missed."},
    footerHeading = "%nExample:%n",
    footer = {"  runbook schedules list --output json"})
public class SchedulesListCommand extends RunbookCommand {

  @Override
  protected int run() {
    try (TemporalConnection temporal = client.connect()) {
      ScheduleControl control = Schedules.control(temporal);
      List<ScheduleView> views = new ArrayList<>();
      StringBuilder text = new StringBuilder("schedules run as: " + control.mode() + "\n");
      for (ScheduledJob job : ScheduledJobs.defaults()) {
        ScheduleView v = control.describe(job);
        if (v == null) {
          text.append(String.format("%-22s not created (the worker creates it at start)%n", job.name()));
          continue;
        }
        views.add(v);
        text.append(String.format("%-22s %s UTC  overlap %s  %s  next %s  fired %d  skipped %d  missed %d%s%n",
            job.name(), job.cron(), job.overlap(), v.paused() ? "PAUSED (" + v.note() + ")" : "active",
            v.nextFireAtMillis() == null ? "-" : Instant.ofEpochMilli(v.nextFireAtMillis()), v.fired(), v.skipped(),
            v.missed(), v.running() == null ? "" : "  running " + v.running()));
      }
      out().print(client.json() ? Json.write(views) + "\n" : text);
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }
}

package dev.runbook.starter.schedules;

import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.RunbookCommand;
import dev.runbook.starter.TemporalConnection;
import dev.runbook.workflows.schedules.ScheduleControl;
import dev.runbook.workflows.schedules.ScheduledJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook schedules trigger|pause|unpause NAME`: one verb on one schedule, on its path. */
public abstract class ScheduleActionCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "Schedule name, e.g. daily-health-check.")
  String name;

  @Option(names = "--as", paramLabel = "NAME", defaultValue = "operator", description = "Who acts (default: operator).")
  String by;

  @Option(names = "--note", paramLabel = "TEXT", description = "Why, shown by schedules list.")
  String note;

  abstract String act(ScheduleControl control, ScheduledJob job);

  @Override
  protected int run() {
    ScheduledJob job = Schedules.job(name);
    try (TemporalConnection temporal = client.connect()) {
      out().println(act(Schedules.control(temporal), job));
      out().flush();
      return ExitCodes.SUCCEEDED;
    }
  }

  @Command(name = "trigger", header = "Start a run now (the overlap policy applies).",
      footerHeading = "%nExample:%n", footer = {"  runbook schedules trigger daily-health-check --as alice"})
  public static class Trigger extends ScheduleActionCommand {
    @Override
    String act(ScheduleControl control, ScheduledJob job) {
      control.trigger(job, by);
      return "triggered " + job.name() + " (" + control.mode() + ")";
    }
  }

  @Command(name = "pause", header = "Stop a schedule firing until unpaused.",
      footerHeading = "%nExample:%n", footer = {"  runbook schedules pause daily-health-check --as alice --note TEXT"})
  public static class Pause extends ScheduleActionCommand {
    @Override
    String act(ScheduleControl control, ScheduledJob job) {
      control.pause(job, by, note);
      return "paused " + job.name() + " (" + control.mode() + ")";
    }
  }

  @Command(name = "unpause", header = "Let a paused schedule fire again from its next instant.",
      footerHeading = "%nExample:%n", footer = {"  runbook schedules unpause daily-health-check --as alice"})
  public static class Unpause extends ScheduleActionCommand {
    @Override
    String act(ScheduleControl control, ScheduledJob job) {
      control.unpause(job, by, note);
      return "unpaused " + job.name() + " (" + control.mode() + ")";
    }
  }
}

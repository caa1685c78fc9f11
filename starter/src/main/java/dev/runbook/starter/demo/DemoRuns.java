package dev.runbook.starter.demo;

import dev.runbook.starter.CliException;
import dev.runbook.starter.render.Ansi;
import dev.runbook.starter.render.ProgressLines;
import dev.runbook.starter.render.StatusRenderer;
import dev.runbook.starter.run.RunFollower;
import dev.runbook.starter.run.RunLauncher;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * Starts the demo's runs and follows each to its end: prints the status tree whenever the run's
 * shape changes (phase, steps, weights, outcome) and the new log lines in between, and at each
 * approval gate sends the `promote` signal as alice, the way an approver would from the Temporal
 * UI. Starting and following are separate so that several runs can be started at once and
 * followed one after the other.
 */
final class DemoRuns {
  static final String APPROVER = "alice";

  /** How a followed run ended: the outcome's name (or why there is none) and its final status. */
  record Ended(String outcome, RunbookStatus status) {
    boolean as(Outcome expected) {
      return outcome.equals(expected.name());
    }
  }

  private final WorkflowClient client;
  private final String taskQueue;
  private final PrintWriter out;
  private final StatusRenderer renderer;
  private final ProgressLines lines;

  DemoRuns(WorkflowClient client, String taskQueue, PrintWriter out, StatusRenderer renderer, Ansi ansi) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.out = out;
    this.renderer = renderer;
    this.lines = new ProgressLines(renderer, ansi);
  }

  RunLauncher.Started start(DemoStep step) {
    RunLauncher.Started started = new RunLauncher(client, taskQueue).start(step.spec());
    say("started " + started.workflowId() + " (" + step.spec().summary() + ", run " + started.runId() + ")");
    return started;
  }

  /** Follows a started run until it ends or {@code timeout} passes; the last line says how it ended. */
  Ended follow(DemoStep step, RunLauncher.Started started, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      say(step.label() + ": not followed, the demo ran out of time");
      return new Ended("NOT_RUN (demo timed out)", null);
    }
    Follow follow = new Follow(started.workflowId());
    try {
      RunFollower.Finish finish =
          new RunFollower(client, Duration.ofMillis(500)).follow(started.workflowId(), started.runId(), follow, timeout);
      if (finish.error() != null) {
        say(step.label() + " failed: " + finish.error());
        return new Ended(Outcome.FAILED.name(), finish.status());
      }
      Outcome outcome = finish.result() == null ? null : finish.result().outcome();
      String reason = finish.result() == null || finish.result().reason() == null ? "" : ": " + finish.result().reason();
      say(step.label() + " ended " + outcome + reason);
      return new Ended(String.valueOf(outcome), finish.status());
    } catch (CliException e) {
      say(step.label() + ": " + e.getMessage());
      return new Ended("TIMED_OUT", null);
    }
  }

  /** Starts {@code step} and follows it. */
  Ended run(DemoStep step, Duration timeout) {
    return follow(step, start(step), timeout);
  }

  void say(String line) {
    out.println("demo: " + line);
    out.flush();
  }

  /** Prints what changed, and promotes at each approval gate. */
  private final class Follow implements RunFollower.Listener {
    private final String workflowId;
    private String shape;
    private Integer promotedStep = Integer.MIN_VALUE;

    Follow(String workflowId) {
      this.workflowId = workflowId;
    }

    @Override
    public void onChange(RunbookStatus before, RunbookStatus now) {
      String nowShape = shape(now);
      if (!nowShape.equals(shape)) {
        out.println();
        out.print(renderer.render(now));
        out.println();
        shape = nowShape;
      } else {
        lines.diff(before, now).forEach(out::println);
      }
      out.flush();
      if (now.phase() == Phase.AWAITING_APPROVAL && !Objects.equals(promotedStep, now.currentStep())) {
        promotedStep = now.currentStep();
        client.newUntypedWorkflowStub(workflowId)
            .signal("promote", new PromoteRequest(APPROVER, false, workflowId, "demo"));
        say("sent the promote signal as " + APPROVER + " at " + stepName(now)
            + " (as an approver would from the Temporal UI)");
      }
    }
  }

  /** "step 5 (Flag 10% of new learners (watch 8s))": numbered from 1 as the status tree and approvals show it. */
  static String stepName(RunbookStatus s) {
    Integer number = s.currentStep(); // counted from 1
    if (number == null) {
      return "the current gate";
    }
    boolean named = s.steps() != null && number >= 1 && number <= s.steps().size();
    return "step " + number + (named ? " (" + s.steps().get(number - 1).name() + ")" : "");
  }

  /** What makes a new tree worth printing: phase, step states, weights, outcome. */
  static String shape(RunbookStatus s) {
    StringBuilder key = new StringBuilder().append(s.phase()).append('|').append(s.currentStep()).append('|');
    if (s.steps() != null) {
      for (StepView step : s.steps()) {
        key.append(step.name()).append('=').append(step.state()).append(',');
      }
    }
    return key.append('|').append(s.weights()).append('|').append(s.outcome()).toString();
  }
}

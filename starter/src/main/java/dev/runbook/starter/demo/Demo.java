package dev.runbook.starter.demo;

import dev.runbook.starter.CliException;
import dev.runbook.starter.render.Ansi;
import dev.runbook.starter.render.ProgressLines;
import dev.runbook.starter.render.StatusRenderer;
import dev.runbook.starter.run.RunFollower;
import dev.runbook.starter.run.RunLauncher;
import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The demo's script: two real code deploys of learning-api on env local. At each approval gate
 * it sends the `promote` signal as alice, the way an approver would from the Temporal UI. It
 * prints the status tree whenever the run's shape changes (phase, steps, weights, outcome) and
 * the new log lines in between.
 */
public final class Demo {
  static final String SERVICE = "learning-api";
  static final String ENVIRONMENT = "local";
  static final String REQUESTER = "ci";
  static final String APPROVER = "alice";
  static final List<Expectation> SCRIPT = List.of(
      new Expectation("v1.5.1", Outcome.SUCCEEDED),
      new Expectation("v1.6.0", Outcome.ROLLED_BACK));

  /** A deploy of {@code version} and how it should end. */
  record Expectation(String version, Outcome expected) {}

  private final WorkflowClient client;
  private final String taskQueue;
  private final PrintWriter out;
  private final StatusRenderer renderer;
  private final ProgressLines lines;

  public Demo(WorkflowClient client, String taskQueue, PrintWriter out, StatusRenderer renderer, Ansi ansi) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.out = out;
    this.renderer = renderer;
    this.lines = new ProgressLines(renderer, ansi);
  }

  /** Runs the script within {@code timeout}; 0 when every deploy ended as expected, else 1. */
  public int run(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> summary = new ArrayList<>();
    boolean allAsExpected = true;
    for (Expectation step : SCRIPT) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      String outcome;
      if (left.isNegative() || left.isZero()) {
        outcome = "NOT_RUN (demo timed out)";
      } else {
        outcome = deploy(step.version(), left);
      }
      summary.add(step.version() + " " + outcome + " (expected " + step.expected() + ")");
      allAsExpected &= outcome.equals(step.expected().name());
    }
    say(String.join(" / ", summary));
    return allAsExpected ? 0 : 1;
  }

  /** One deploy, followed to its end; returns the outcome's name (or why there is none). */
  String deploy(String version, Duration timeout) {
    RunSpec spec = RunSpec.of(Procedure.CODE_DEPLOY, SERVICE, ENVIRONMENT, version, REQUESTER, null, null);
    RunLauncher.Started started = new RunLauncher(client, taskQueue).start(spec);
    say("started " + started.workflowId() + " (" + spec.summary() + ", run " + started.runId() + ")");
    Follow follow = new Follow(started.workflowId());
    try {
      RunFollower.Finish finish =
          new RunFollower(client, Duration.ofMillis(500)).follow(started.workflowId(), started.runId(), follow, timeout);
      if (finish.error() != null) {
        say(version + " failed: " + finish.error());
        return Outcome.FAILED.name();
      }
      Outcome outcome = finish.result() == null ? null : finish.result().outcome();
      String reason = finish.result() == null || finish.result().reason() == null ? "" : ": " + finish.result().reason();
      say(version + " ended " + outcome + reason);
      return String.valueOf(outcome);
    } catch (CliException e) {
      say(version + ": " + e.getMessage());
      return "TIMED_OUT";
    }
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
        say("sent the promote signal as " + APPROVER + " at step " + now.currentStep()
            + " (as an approver would from the Temporal UI)");
      }
    }
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

  private void say(String line) {
    out.println("demo: " + line);
    out.flush();
  }
}

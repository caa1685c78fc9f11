package dev.runbook.starter.demo;

import dev.runbook.starter.render.Ansi;
import dev.runbook.starter.render.StatusRenderer;
import dev.runbook.starter.run.RunLauncher;
import dev.runbook.starter.run.RunSpec;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Procedure;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's script on env local: two real code deploys of learning-api (v1.5.1 promoted through
 * its gates, v1.6.0 rolled back by a watch rule), then lesson updates: the three lessons' first
 * releases, a patch, a minor and a major. Runs that do not depend on each other are started
 * together and followed one after the other, which keeps the output in order and the demo short:
 * the first releases run during the deploys (so simulated learners have the lessons in progress
 * when the updates come), and the three updates run at once.
 */
public final class Demo {
  static final String SERVICE = "learning-api";
  static final String ENVIRONMENT = "local";
  static final String REQUESTER = "ci";
  static final List<DemoStep> DEPLOYS = List.of(deploy("v1.5.1", Outcome.SUCCEEDED), deploy("v1.6.0", Outcome.ROLLED_BACK));

  private final DemoRuns runs;
  private final LessonScript lessons;
  private final List<String> summary = new ArrayList<>();
  private boolean allAsExpected = true;
  private long deadline;

  public Demo(WorkflowClient client, String taskQueue, PrintWriter out, StatusRenderer renderer, Ansi ansi, LessonScript lessons) {
    this.runs = new DemoRuns(client, taskQueue, out, renderer, ansi);
    this.lessons = lessons;
  }

  /** Runs the script within {@code timeout}; 0 when every run ended as expected, else 1. */
  public int run(Duration timeout) {
    deadline = System.nanoTime() + timeout.toNanos();
    runs.say("publishing the lessons as learners first saw them; simulated learners start them while "
        + SERVICE + " is deployed");
    List<RunLauncher.Started> firstReleases = lessons.firstReleases().stream().map(runs::start).toList();

    for (DemoStep deploy : DEPLOYS) {
      record(deploy, runs.run(deploy, left()));
    }

    runs.say("the lessons' first releases, started before the deploys:");
    for (int i = 0; i < firstReleases.size(); i++) {
      DemoStep step = lessons.firstReleases().get(i);
      record(step, runs.follow(step, firstReleases.get(i), left()));
    }

    runs.say("a patch, a minor and a major update, started together and followed one by one:");
    List<RunLauncher.Started> updates = lessons.updates().stream().map(runs::start).toList();
    for (int i = 0; i < updates.size(); i++) {
      DemoStep step = lessons.updates().get(i);
      DemoRuns.Ended ended = runs.follow(step, updates.get(i), left());
      if (ended.as(Outcome.SUCCEEDED)) {
        runs.say(step.label() + ": " + NoticeCounts.describe(NoticeCounts.of(ended.status())));
      }
      record(step, ended);
    }

    runs.say("summary:");
    summary.forEach(line -> runs.say("  " + line));
    runs.say(allAsExpected ? "every run ended as expected" : "not every run ended as expected (exit 1)");
    return allAsExpected ? 0 : 1;
  }

  private void record(DemoStep step, DemoRuns.Ended ended) {
    summary.add(step.label() + " " + ended.outcome() + " (expected " + step.expected() + ")");
    allAsExpected &= ended.as(step.expected());
  }

  private Duration left() {
    return Duration.ofNanos(deadline - System.nanoTime());
  }

  private static DemoStep deploy(String version, Outcome expected) {
    return new DemoStep(version, RunSpec.of(Procedure.CODE_DEPLOY, new RunTarget(SERVICE, ENVIRONMENT, version), REQUESTER, null,
        id -> new CodeDeployRequest(SERVICE, ENVIRONMENT, version, REQUESTER, id)), expected);
  }
}

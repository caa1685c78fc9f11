package dev.runbook.starter;

import dev.runbook.starter.demo.Demo;
import dev.runbook.starter.demo.LessonScript;
import dev.runbook.starter.render.StatusRenderer;
import dev.runbook.starter.stack.LocalStack;
import dev.runbook.starter.stack.LocalStackOptions;
import dev.runbook.starter.stack.RunbookHome;
import java.time.Duration;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook demo`: the main job end to end on a throw-away stack. */
@Command(
    name = "demo",
    header = "Run real code deploys and lesson updates on a throw-away local stack.",
    description = {
      "Start a throw-away local stack and run, on env local: two code deploys of",
      "learning-api (live at v1.5.0): v1.5.1 is promoted through its gates and",
      "succeeds, v1.6.0 (about 20%% errors) is rolled back automatically at its first",
      "canary step; and lesson updates: the first releases of three lessons (during",
      "the deploys), then a patch (no notification), a minor (\"Updated\" badge) and a",
      "major (feature flag 10%% → 50%% → 100%%, promoted as alice, flag removed).",
      "Stops it all again. Exit 0 only if every run ends that way."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook demo --timeout 6m --no-color"})
public class DemoCommand extends RunbookCommand {

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "6m",
      converter = DurationConverter.class,
      description = "Give up (exit 1) after this long. Default: ${DEFAULT-VALUE}")
  Duration timeout;

  @Override
  protected int run() {
    long started = System.nanoTime();
    var home = RunbookHome.require();
    LessonScript lessons = LessonScript.load(home); // an invalid lesson stops here, before anything starts
    try (LocalStack stack = LocalStack.start(LocalStackOptions.ephemeral(home), line -> {
          out().println("demo: " + line);
          out().flush();
        })) {
      out().println("demo: stack ready temporal=" + stack.temporalAddress() + " sandbox=" + stack.sandboxAdminUrl()
          + " worker=" + stack.workerUrl() + " logs=" + stack.logDir());
      out().flush();
      Duration left = timeout.minus(Duration.ofNanos(System.nanoTime() - started));
      Demo demo = new Demo(stack.workflowClient(), client.taskQueue(), out(),
          new StatusRenderer(client.ansi(), ZoneId.systemDefault()), client.ansi(), lessons);
      return demo.run(left);
    }
  }
}

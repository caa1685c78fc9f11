package dev.runbook.starter;

import dev.runbook.starter.stack.LocalStack;
import dev.runbook.starter.stack.LocalStackOptions;
import dev.runbook.starter.stack.PrometheusBinary;
import dev.runbook.starter.stack.RunbookHome;
import dev.runbook.starter.registry.RegistryClient;
import dev.runbook.starter.registry.RunRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runbook dev`: the embedded stack, up until Ctrl-C. */
@Command(
    name = "dev",
    header = "Run the embedded local stack until Ctrl-C.",
    description = {
      "Run the embedded local stack and stay up until Ctrl-C: Temporal (in memory,",
      "real time) on 127.0.0.1:7233, Postgres on 54329 (data kept in",
      ".runbook/state/pg), the sandbox platform on 7300/7301 and the runbook worker",
      "on 8081. Other commands find it through .runbook/state/stack.json; logs are",
      "in .runbook/logs/.",
      "",
      "With --prometheus, a real Prometheus (Debian's prometheus package, or any",
      "prometheus binary) runs on 127.0.0.1:7390, scrapes the sandbox and the worker",
      "every second, evaluates deploy/prometheus/rules.yml, and the local",
      "environment's watch rules read it with the built-in PromQL."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook dev --no-color", "  runbook dev --prometheus --prometheus-bin /usr/bin/prometheus"})
public class DevCommand extends RunbookCommand {

  @Option(names = "--prometheus", description = "Also run Prometheus and read the local environment's metrics from it.")
  boolean prometheus;

  @Option(names = "--prometheus-bin", paramLabel = "PATH", defaultValue = "${env:RUNBOOK_PROMETHEUS_BIN}",
      description = "The prometheus binary (env RUNBOOK_PROMETHEUS_BIN). Default: prometheus on PATH.")
  String prometheusBin;

  @Override
  protected int run() throws InterruptedException {
    Path home = RunbookHome.require();
    Instant startedAt = Instant.now();
    LocalStackOptions options = LocalStackOptions.dev(home);
    if (prometheus) {
      options = withPrometheus(options, prometheusBin, System.getenv("PATH"));
    }
    LocalStack stack = LocalStack.start(options, line -> {
      err().println("runbook dev: " + line);
      err().flush();
    });
    out().println("runbook dev: ready temporal=" + stack.temporalAddress() + " sandbox=" + stack.sandboxAdminUrl()
        + " worker=" + stack.workerUrl() + " (Ctrl-C to stop)");
    out().println("  router=" + stack.routerUrl() + " jdbc=" + stack.jdbcUrl() + " logs=" + stack.logDir());
    if (stack.prometheusUrl() != null) {
      out().println("  prometheus=" + stack.prometheusUrl() + " (the local environment's watch rules read it)");
    }
    reportLostRuns(stack, startedAt);
    out().flush();
    boolean reported = false;
    while (!stack.isClosed()) {
      Thread.sleep(1000);
      if (!stack.isClosed() && !stack.workerAlive() && !reported) {
        err().println("runbook dev: the worker has exited; see " + stack.logDir().resolve("worker.log"));
        err().flush();
        reported = true;
      } else if (stack.workerAlive()) {
        reported = false;
      }
    }
    return ExitCodes.SUCCEEDED;
  }

  /**
   * The stack with a Prometheus and the local environment reading its metrics from it. No binary:
   * exit 69 (a program the command needs is unavailable), naming the package; a given path that is
   * no program: exit 64.
   */
  static LocalStackOptions withPrometheus(LocalStackOptions options, String bin, String path) {
    Optional<Path> binary;
    try {
      binary = PrometheusBinary.find(bin, path);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput(e.getMessage());
    }
    if (binary.isEmpty()) {
      throw new CliException(ExitCodes.UNAVAILABLE, "runbook dev --prometheus: no prometheus on PATH: "
          + PrometheusBinary.HOW_TO_GET_IT);
    }
    List<String> workerArgs = new ArrayList<>(options.extraWorkerArgs());
    workerArgs.add("--runbook.environments.local.metrics=prometheus");
    return options.withPrometheus(binary.get()).withExtraWorkerArgs(workerArgs);
  }

  /**
   * The embedded Temporal server keeps runs in memory: runs in flight when the previous `runbook
   * dev` stopped are gone. The worker marked them LOST in the registry before it became healthy
   * (and put their traffic back on the live colour); say which, so nobody waits for them.
   */
  private void reportLostRuns(LocalStack stack, Instant since) {
    try {
      for (RunRow run : new RegistryClient(stack.workerUrl()).runs(200, null, null).rows()) {
        if ("LOST".equals(run.outcome()) && run.finishedAt() != null
            && !Instant.parse(run.finishedAt()).isBefore(since.minusSeconds(1))) {
          out().println("runbook dev: LOST " + run.workflowId() + " (" + run.procedure() + " " + run.service() + " "
              + (run.version() == null ? "" : run.version() + " ") + "in " + run.environment() + "): "
              + run.outcomeReason());
        }
      }
    } catch (RuntimeException unreadable) {
      err().println("runbook dev: could not read the registry for runs lost across the restart: "
          + unreadable.getMessage());
    }
  }
}

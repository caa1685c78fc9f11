package dev.runbook.starter;

import dev.runbook.starter.stack.LocalStack;
import dev.runbook.starter.stack.LocalStackOptions;
import dev.runbook.starter.stack.RunbookHome;
import dev.runbook.starter.registry.RegistryClient;
import dev.runbook.starter.registry.RunRow;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Command;

/** `runbook dev`: the embedded stack, up until Ctrl-C. */
@Command(
    name = "dev",
    header = "Run the embedded local stack until Ctrl-C.",
    description = {
      "Run the embedded local stack and stay up until Ctrl-C: Temporal (in memory,",
      "real time) on 127.0.0.1:7233, Postgres on 54329 (data kept in",
      ".runbook/state/pg), the sandbox platform on 7300/7301 and the runbook worker",
      "on 8081. Other commands find it through .runbook/state/stack.json; logs are",
      "in .runbook/logs/."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook dev --no-color"})
public class DevCommand extends RunbookCommand {

  @Override
  protected int run() throws InterruptedException {
    Path home = RunbookHome.require();
    Instant startedAt = Instant.now();
    LocalStack stack = LocalStack.start(LocalStackOptions.dev(home), line -> {
      err().println("runbook dev: " + line);
      err().flush();
    });
    out().println("runbook dev: ready temporal=" + stack.temporalAddress() + " sandbox=" + stack.sandboxAdminUrl()
        + " worker=" + stack.workerUrl() + " (Ctrl-C to stop)");
    out().println("  router=" + stack.routerUrl() + " jdbc=" + stack.jdbcUrl() + " logs=" + stack.logDir());
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

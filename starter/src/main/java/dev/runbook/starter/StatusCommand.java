package dev.runbook.starter;

import dev.runbook.starter.render.Ansi;
import dev.runbook.starter.render.StatusRenderer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runbook.starter.run.QueueReader;
import dev.runbook.starter.run.QueuedActivity;
import dev.runbook.starter.run.StatusReader;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook status ID [--watch]`. */
@Command(
    name = "status",
    header = "Show a run's phase, traffic, step tree, observations and log.",
    description = {
      "Show where a run is: phase, live colour and version, traffic weights, what it",
      "waits for and who may act, the step tree, the last observation of each watch",
      "rule and the tail of the step log. Exits with the outcome's code once the run",
      "has ended (0 while it runs)."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook status deploy:learning-api:production --watch --no-color"})
public class StatusCommand extends RunbookCommand {
  static final Duration REDRAW = Duration.ofMillis(200);

  @Parameters(index = "0", paramLabel = "ID", description = "Workflow id, e.g. deploy:learning-api:production.")
  String workflowId;

  private QueueReader queue;

  @Option(names = {"-w", "--watch"}, description = "Redraw on every change until the run ends, then exit with its code.")
  boolean watch;

  @Override
  protected int run() throws InterruptedException {
    try (TemporalConnection temporal = client.connect()) {
      StatusReader reader = new StatusReader(temporal.client());
      queue = new QueueReader(temporal.client());
      reader.describe(workflowId);
      Ansi ansi = client.ansi();
      StatusRenderer renderer = new StatusRenderer(ansi, ZoneId.systemDefault());
      if (!watch) {
        RunbookStatus status = reader.status(workflowId, null);
        out().print(text(status, queue.queued(workflowId, null), renderer));
        out().flush();
        return exitCode(status);
      }
      return watch(temporal.client(), reader, renderer, ansi.enabled() && !client.json());
    }
  }

  private int watch(WorkflowClient temporal, StatusReader reader, StatusRenderer renderer, boolean redraw)
      throws InterruptedException {
    PrintWriter out = out();
    String shown = null;
    String problem = null;
    while (true) {
      long started = System.nanoTime();
      RunbookStatus status;
      try {
        status = reader.status(workflowId, null);
      } catch (CliException e) {
        if (e.exitCode() == ExitCodes.BAD_INPUT) {
          throw e;
        }
        Integer ended = endedWithoutStatus(temporal, reader);
        if (ended != null) {
          return ended;
        }
        if (!e.getMessage().equals(problem)) {
          err().println(e.getMessage() + "; still trying");
          err().flush();
          problem = e.getMessage();
        }
        status = null;
      }
      if (status != null) {
        problem = null;
        List<QueuedActivity> queued = status.outcome() == null ? queue.queued(workflowId, null) : List.of();
        String text = text(status, queued, renderer);
        if (!text.equals(shown)) {
          if (redraw) {
            out.print(Ansi.CLEAR_SCREEN);
          } else if (shown != null && !client.json()) {
            out.println();
          }
          out.print(text);
          out.flush();
          shown = text;
        }
        if (status.outcome() != null || status.phase() == Phase.DONE) {
          return exitCode(status);
        }
      }
      long spent = Duration.ofNanos(System.nanoTime() - started).toMillis();
      Thread.sleep(Math.max(0, REDRAW.toMillis() - spent));
    }
  }

  /** The status as printed: JSON (with a "queued" array when steps wait for a worker) or the tree. */
  private String text(RunbookStatus status, List<QueuedActivity> queued, StatusRenderer renderer) {
    if (!client.json()) {
      return renderer.render(status, queued);
    }
    if (queued.isEmpty()) {
      return Json.write(status) + "\n";
    }
    ObjectNode json = Json.MAPPER.valueToTree(status);
    ArrayNode list = json.putArray("queued");
    for (QueuedActivity q : queued) {
      ObjectNode item = list.addObject().put("activity", q.activity()).put("taskQueue", q.taskQueue())
          .put("seconds", q.seconds()).put("text", q.describe());
      if (!q.waitsForWorker()) {
        item.put("attempt", q.attempt()).put("lastFailure", q.lastFailure());
      }
    }
    return Json.write(json) + "\n";
  }

  /** When the status query fails and the run has ended anyway: its exit code from the result. */
  private Integer endedWithoutStatus(WorkflowClient temporal, StatusReader reader) {
    WorkflowExecutionStatus state = reader.describe(workflowId).getStatus();
    if (state == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return null;
    }
    if (state == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      RunbookResult result = temporal.newUntypedWorkflowStub(workflowId).getResult(RunbookResult.class);
      out().println(workflowId + " ended: " + (result == null ? "no result" : result.outcome()));
      return ExitCodes.of(result == null ? null : result.outcome());
    }
    out().println(workflowId + " ended: " + state.name().replace("WORKFLOW_EXECUTION_STATUS_", ""));
    return ExitCodes.FAILED;
  }

  static int exitCode(RunbookStatus status) {
    return status.outcome() == null ? ExitCodes.SUCCEEDED : ExitCodes.of(status.outcome());
  }
}

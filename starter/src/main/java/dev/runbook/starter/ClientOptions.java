package dev.runbook.starter;

import dev.runbook.starter.render.Ansi;
import dev.runbook.workflows.api.TaskQueues;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Flags every command that talks to Temporal shares: where Temporal is, how to print ({@link OutputOptions}). */
public class ClientOptions {

  @Option(
      names = "--address",
      paramLabel = "HOST:PORT",
      defaultValue = "${env:RUNBOOK_TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      description = "Temporal frontend address (env RUNBOOK_TEMPORAL_ADDRESS). Default: ${DEFAULT-VALUE}")
  String address;

  @Option(
      names = "--namespace",
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Temporal namespace. Default: ${DEFAULT-VALUE}")
  String namespace;

  @Option(
      names = "--task-queue",
      paramLabel = "NAME",
      defaultValue = TaskQueues.RUNBOOK,
      description = "Task queue the runbook worker polls. Default: ${DEFAULT-VALUE}")
  String taskQueue;

  @Option(
      names = "--ui-url",
      paramLabel = "URL",
      defaultValue = "${env:RUNBOOK_UI_URL}",
      description = {
        "Temporal UI base URL for links to runs (env RUNBOOK_UI_URL), e.g.",
        "http://localhost:8080 for docker-compose.yml. Without it the CLI prints the",
        "status and temporal commands that show the run."
      })
  String uiUrl;

  @Mixin OutputOptions output;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      defaultValue = "5s",
      hidden = true,
      converter = DurationConverter.class,
      description = "How long the first call to Temporal may take before exit 69.")
  Duration connectTimeout;

  public String address() {
    return address;
  }

  public String namespace() {
    return namespace;
  }

  public String taskQueue() {
    return taskQueue;
  }

  public boolean json() {
    return output.json();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Colors only for a person at a terminal. */
  public Ansi ansi() {
    return output.ansi();
  }

  /** Where a person follows a run: the UI link when one is configured, else the commands. */
  RunPointer runPointer() {
    return new RunPointer(uiUrl, address, namespace);
  }

  /** Opens a client; exit 69 with a clear message when Temporal does not answer. */
  public TemporalConnection connect() {
    return TemporalConnection.open(address, namespace, connectTimeout);
  }
}

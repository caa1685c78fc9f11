package dev.runbook.starter;

import dev.runbook.starter.render.Ansi;
import dev.runbook.workflows.api.TaskQueues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
      defaultValue = "${env:RUNBOOK_UI_URL:-http://localhost:8233}",
      description = "Temporal UI base URL for links (env RUNBOOK_UI_URL). Default: ${DEFAULT-VALUE}")
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

  /** Link to the run in the Temporal UI. */
  public String uiLink(String workflowId) {
    String base = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
    return base
        + "/namespaces/"
        + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
        + "/workflows/"
        + URLEncoder.encode(workflowId, StandardCharsets.UTF_8);
  }

  /** Opens a client; exit 69 with a clear message when Temporal does not answer. */
  public TemporalConnection connect() {
    return TemporalConnection.open(address, namespace, connectTimeout);
  }
}

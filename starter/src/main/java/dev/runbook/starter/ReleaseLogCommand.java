package dev.runbook.starter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runbook release log <workflow id>`: the deployment logs a release archived. */
@Command(
    name = "log",
    header = "Print the deployment logs a release archived.",
    description = {
      "Print the deployment log a release archived in each environment it completed",
      "(post-deployment's \"archive deployment logs\"), from the release registry."
    },
    footerHeading = "%nExample:%n",
    footer = {"  runbook release log release:learning-api:staging --worker-url http://127.0.0.1:8081"})
public class ReleaseLogCommand extends RunbookCommand {

  @Parameters(index = "0", paramLabel = "WORKFLOW_ID", description = "The release, e.g. release:learning-api:staging.")
  String workflowId;

  @Option(names = "--worker-url", paramLabel = "URL", defaultValue = "${env:RUNBOOK_WORKER_URL}",
      description = "Runbook worker HTTP address (env RUNBOOK_WORKER_URL). Default: the running `runbook dev`.")
  String workerUrl;

  @Override
  protected int run() {
    String base = ListCommand.workerUrl(workerUrl);
    URI uri = URI.create(base.replaceAll("/$", "") + "/api/releases/"
        + URLEncoder.encode(workflowId, StandardCharsets.UTF_8).replace("+", "%20") + "/logs");
    HttpResponse<String> response;
    try {
      response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(ExitCodes.UNAVAILABLE, "cannot reach the runbook worker at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.UNEXPECTED, "interrupted");
    }
    JsonNode json = read(response.body());
    if (response.statusCode() == 404) {
      throw CliException.badInput(json.path("error").asText(response.body()));
    }
    if (response.statusCode() != 200 || !json.isArray()) {
      int code = response.statusCode() == 503 ? ExitCodes.UNAVAILABLE : ExitCodes.UNEXPECTED;
      throw new CliException(code, "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    if (client.json()) {
      out().println(json);
    } else {
      for (JsonNode log : json) {
        out().println("== " + log.path("environment").asText() + ": " + log.path("service").asText() + " "
            + log.path("version").asText() + ", requested by " + log.path("requestedBy").asText("unknown") + " ("
            + log.path("workflowId").asText() + ", run " + log.path("runId").asText() + ")");
        out().println("   " + log.path("summary").asText());
        log.path("lines").forEach(line -> out().println("   " + line.asText()));
      }
    }
    out().flush();
    return ExitCodes.SUCCEEDED;
  }

  private static JsonNode read(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}

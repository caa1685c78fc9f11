package dev.runbook.starter.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.starter.CliException;
import dev.runbook.starter.ExitCodes;
import dev.runbook.starter.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Reads the release registry through the worker's HTTP API ({@code GET /api/runs}). */
public final class RegistryClient {
  private final String workerUrl;
  private final HttpClient http;

  public RegistryClient(String workerUrl) {
    this.workerUrl = workerUrl.endsWith("/") ? workerUrl.substring(0, workerUrl.length() - 1) : workerUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** What the worker answered: the rows, and the JSON as sent (for `-o json`). */
  public record Runs(List<RunRow> rows, JsonNode json) {}

  /** Newest first; {@code service} and {@code environment} filter when not null. */
  public Runs runs(int limit, String service, String environment) {
    StringBuilder uri = new StringBuilder(workerUrl).append("/api/runs?limit=").append(limit);
    if (service != null) {
      uri.append("&service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
    }
    if (environment != null) {
      uri.append("&environment=").append(URLEncoder.encode(environment, StandardCharsets.UTF_8));
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri.toString()))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.UNAVAILABLE,
          "cannot reach the runbook worker at " + workerUrl + ": " + describe(e) + " (is `runbook dev` running?)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.UNEXPECTED, "interrupted");
    }
    if (response.statusCode() == 400) {
      throw CliException.badInput("the worker refused the query: " + response.body());
    }
    if (response.statusCode() == 503) {
      throw new CliException(ExitCodes.UNAVAILABLE, "the runbook worker at " + workerUrl + " is up, but " + down(response.body()));
    }
    if (response.statusCode() != 200) {
      throw new CliException(
          ExitCodes.UNEXPECTED, "GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      JsonNode json = Json.MAPPER.readTree(response.body());
      if (json == null || !json.isArray()) {
        throw new IOException("expected an array");
      }
      return new Runs(Json.MAPPER.convertValue(json, new TypeReference<List<RunRow>>() {}), json);
    } catch (IOException e) {
      throw new CliException(ExitCodes.UNEXPECTED, "GET " + uri + " did not return a JSON array of runs: " + e.getMessage(), e);
    }
  }

  /** The worker's 503 names what is down: {"down": "release registry database", "error": "..."}. */
  private static String down(String body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      String what = json.path("down").asText("");
      String error = json.path("error").asText("");
      if (!what.isBlank()) {
        return "its " + what + " is down" + (error.isBlank() ? "" : " (" + error + ")");
      }
    } catch (IOException notJson) {
      // an older worker or a proxy: say what it said
    }
    return "it answered 503: " + body;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message;
  }
}

package dev.runbook.activities.maintenance;

import dev.runbook.activities.support.HttpJson;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.contract.MaintenanceActivities;
import dev.runbook.workflows.contract.MaintenanceRequest;
import dev.runbook.workflows.contract.MaintenanceStatus;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Maintenance mode over the sandbox's admin API ({@code POST /api/maintenance/on|off}), which is
 * idempotent itself, so a retried call is harmless. The admin URL comes per environment from the
 * configuration; an environment without one is refused.
 */
public final class SandboxMaintenanceActivities implements MaintenanceActivities {
  /** Missing message, unknown environment, a 4xx from the platform: fix the input. */
  public static final String REJECTED = "MaintenanceRejected";
  /** The platform did not answer, or failed: retried. */
  public static final String UNAVAILABLE = "MaintenanceUnavailable";

  private final Function<String, URI> adminUrls;
  private final HttpJson http;

  /** @param adminUrls the sandbox admin URL of an environment, null when it has none */
  public SandboxMaintenanceActivities(Function<String, URI> adminUrls, HttpClient client) {
    this.adminUrls = adminUrls;
    this.http = new HttpJson(client, Duration.ofSeconds(30));
  }

  @Override
  public MaintenanceStatus enableMaintenance(MaintenanceRequest request) {
    if (request == null || request.message() == null || request.message().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure("maintenance needs a message for the platform's users"
          + " (for example \"Back in 10 minutes\")", REJECTED);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", request.message());
    if (request.retryAfterSeconds() != null) {
      body.put("retryAfterSeconds", request.retryAfterSeconds());
    }
    return post(request.environment(), "on", body);
  }

  @Override
  public MaintenanceStatus disableMaintenance(String environment) {
    return post(environment, "off", Map.of());
  }

  private MaintenanceStatus post(String environment, String action, Object body) {
    URI admin = environment == null ? null : adminUrls.apply(environment);
    if (admin == null) {
      throw ApplicationFailure.newNonRetryableFailure("environment '" + environment
          + "' has no platform with a maintenance mode configured", REJECTED);
    }
    URI uri = admin.resolve("/api/maintenance/" + action);
    HttpJson.Reply reply;
    try {
      reply = http.postJson(uri, body);
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause("maintenance " + action + " in " + environment + ": " + uri
          + " did not answer (" + e + ")", UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    if (reply.status() >= 400 && reply.status() < 500) {
      throw ApplicationFailure.newNonRetryableFailure("maintenance " + action + " in " + environment
          + " refused by the platform (" + reply.status() + "): " + reply.errorMessage(), REJECTED);
    }
    if (!reply.ok() || reply.json() == null) {
      throw ApplicationFailure.newFailure("maintenance " + action + " in " + environment + " failed ("
          + reply.status() + "): " + reply.errorMessage(), UNAVAILABLE);
    }
    return Json.MAPPER.convertValue(reply.json(), MaintenanceStatus.class);
  }
}

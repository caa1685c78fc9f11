package dev.runbook.activities.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.Json;
import dev.runbook.activities.support.Text;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Render (seed 002's tertiary) through its HTTP API, with a bearer token read from the environment
 * variable the configuration names (the token itself is never in configuration, history or logs):
 * the live deploy from {@code GET /v1/services/{id}/deploys}, a deploy of the image with {@code
 * POST /v1/services/{id}/deploys {"imageUrl":..}}, a rollback with {@code POST
 * /v1/services/{id}/rollback {"deployId":..}} followed by {@code PATCH /v1/services/{id}
 * {"autoDeploy":"no"}}, so the next push does not undo the rollback.
 *
 * @param serviceIds Render's service id ({@code srv-...}) per runbook service
 */
public final class RenderApiAdapter implements PlatformAdapter {
  public static final String TOKEN_MISSING = "RenderTokenMissing";
  public static final String REFUSED = "RenderRefused";
  public static final String UNAVAILABLE = "RenderUnavailable";

  private final String platform;
  private final URI api;
  private final Map<String, String> serviceIds;
  private final String imageTemplate;
  private final String tokenVariable;
  private final Function<String, String> environmentVariables;
  private final HttpClient http;
  private final HttpHealth health;
  private final String healthUrl;

  public RenderApiAdapter(String platform, URI api, Map<String, String> serviceIds, String imageTemplate,
      String tokenVariable, Function<String, String> environmentVariables, HttpClient http, String healthUrl) {
    this.platform = platform;
    this.api = api;
    this.serviceIds = Map.copyOf(serviceIds);
    this.imageTemplate = imageTemplate;
    this.tokenVariable = tokenVariable;
    this.environmentVariables = environmentVariables;
    this.http = http;
    this.health = new HttpHealth(http, Duration.ofSeconds(10));
    this.healthUrl = healthUrl;
  }

  @Override
  public PlatformRelease current(String service, String environment) {
    JsonNode list = send("record", "GET", "/v1/services/" + id(service) + "/deploys?limit=20", null);
    for (JsonNode item : list) {
      JsonNode deploy = item.has("deploy") ? item.get("deploy") : item;
      if ("live".equals(deploy.path("status").asText())) {
        return release(deploy);
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(platform + ": " + service + " has no live deploy", REFUSED);
  }

  @Override
  public PlatformRelease deploy(String service, String environment, String version) {
    String image = imageTemplate.replace("{service}", service).replace("{version}", version);
    checked("image", image);
    Map<String, String> body = new java.util.LinkedHashMap<>();
    body.put("imageUrl", image);
    body.put("clearCache", "do_not_clear");
    JsonNode deploy = send("deploy", "POST", "/v1/services/" + id(service) + "/deploys", body);
    return new PlatformRelease(platform, deploy.path("id").asText(), version, image, null);
  }

  @Override
  public PlatformHealth probeHealth(String service, String environment) {
    return health.probe(healthUrl.replace("{service}", checked("service", service)));
  }

  @Override
  public PlatformRelease rollback(String service, String environment, PlatformRelease recorded) {
    String id = id(service);
    try {
      send("rollback", "POST", "/v1/services/" + id + "/rollback", Map.of("deployId", checked("releaseId", recorded.releaseId())));
    } catch (ApplicationFailure e) {
      throw REFUSED.equals(e.getType()) ? ApplicationFailure.newNonRetryableFailure(e.getOriginalMessage(),
          MultiPlatformActivities.ROLLBACK_REFUSED) : e;
    }
    // a push to the branch would redeploy what was just rolled back
    send("turn auto-deploy off", "PATCH", "/v1/services/" + id, Map.of("autoDeploy", "no"));
    return new PlatformRelease(platform, recorded.releaseId(), recorded.version(), recorded.image(), null);
  }

  private PlatformRelease release(JsonNode deploy) {
    String image = deploy.path("image").path("ref").asText(null);
    return new PlatformRelease(platform, deploy.path("id").asText(), ReleaseOutput.tagOf(image), image, null);
  }

  private String id(String service) {
    String id = serviceIds.get(service);
    if (id == null) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": no Render service id configured for '" + service
          + "'; configured: " + new java.util.TreeSet<>(serviceIds.keySet()), REFUSED);
    }
    return checked("render service id", id);
  }

  private String checked(String what, String value) {
    try {
      ArgvTemplate.checkValue(what, value);
      return value;
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": " + e.getMessage(), REFUSED);
    }
  }

  private JsonNode send(String action, String method, String path, Object body) {
    String token = environmentVariables.apply(tokenVariable);
    if (token == null || token.isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(platform + ": environment variable " + tokenVariable
          + " (the Render API key) is not set", TOKEN_MISSING);
    }
    try {
      HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body));
      HttpRequest request = HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "") + path))
          .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
          .header("Accept", "application/json").header("Content-Type", "application/json")
          .method(method, publisher).build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 400 && r.statusCode() < 500 && r.statusCode() != 429) {
        throw ApplicationFailure.newNonRetryableFailure(platform + " " + action + " refused (" + r.statusCode() + "): "
            + Text.truncate(r.body(), 300), REFUSED);
      }
      if (r.statusCode() >= 300) {
        throw ApplicationFailure.newFailure(platform + " " + action + " failed (" + r.statusCode() + "): "
            + Text.truncate(r.body(), 300), UNAVAILABLE);
      }
      return r.body() == null || r.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause(platform + " " + action + ": " + api + " did not answer (" + e + ")",
          UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}

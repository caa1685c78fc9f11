package dev.runbook.activities.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.workflows.contract.PlatformHealth;
import dev.runbook.workflows.contract.PlatformRelease;
import dev.runbook.workflows.multiplatform.MultiPlatformActivities;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * One of the sandbox's hosted platforms (the embedded default), over its own admin API. Its
 * address is looked up by name in the sandbox's {@code GET /api/hosted-platforms} (the ports are
 * ephemeral), so the stack needs no per-platform wiring.
 */
public final class SandboxPlatformAdapter implements PlatformAdapter {
  public static final String UNAVAILABLE = "PlatformUnavailable";
  public static final String REFUSED = "PlatformRefused";

  private final String platform;
  private final String sandboxName;
  private final URI sandboxAdmin;
  private final HttpJson http;
  private volatile URI base;

  public SandboxPlatformAdapter(String platform, String sandboxName, URI sandboxAdmin, HttpClient client) {
    this.platform = platform;
    this.sandboxName = sandboxName;
    this.sandboxAdmin = sandboxAdmin;
    this.http = new HttpJson(client, Duration.ofSeconds(15));
  }

  @Override
  public PlatformRelease current(String service, String environment) {
    return release(call("record", "GET", service, "/current", null));
  }

  @Override
  public PlatformRelease deploy(String service, String environment, String version) {
    return release(call("deploy", "POST", service, "/deploys", Map.of("version", version)));
  }

  @Override
  public PlatformHealth probeHealth(String service, String environment) {
    URI uri = HttpJson.resolve(base(), "/api/services/" + HttpJson.segment(service) + "/health");
    try {
      HttpJson.Reply reply = http.get(uri);
      String status = reply.json() == null ? reply.errorMessage() : reply.json().path("status").asText();
      return new PlatformHealth(reply.ok(), reply.status() + " " + status + " from " + platform);
    } catch (IOException e) {
      return new PlatformHealth(false, platform + " health did not answer (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  @Override
  public PlatformRelease rollback(String service, String environment, PlatformRelease recorded) {
    try {
      return release(call("rollback", "POST", service, "/rollback", Map.of("releaseId", recorded.releaseId())));
    } catch (ApplicationFailure e) {
      throw REFUSED.equals(e.getType()) ? ApplicationFailure.newNonRetryableFailure(e.getOriginalMessage(),
          MultiPlatformActivities.ROLLBACK_REFUSED) : e;
    }
  }

  private PlatformRelease release(JsonNode r) {
    return new PlatformRelease(platform, r.path("id").asText(), r.path("version").asText(), r.path("image").asText(), null);
  }

  private JsonNode call(String action, String method, String service, String path, Object body) {
    URI uri = HttpJson.resolve(base(), "/api/services/" + HttpJson.segment(service) + path);
    HttpJson.Reply reply;
    try {
      reply = "GET".equals(method) ? http.get(uri) : http.postJson(uri, body);
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause(platform + " " + action + ": " + uri + " did not answer (" + e + ")",
          UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    if (reply.status() >= 400 && reply.status() < 500) {
      throw ApplicationFailure.newNonRetryableFailure(platform + " " + action + " refused (" + reply.status() + "): "
          + reply.errorMessage(), REFUSED);
    }
    if (!reply.ok() || reply.json() == null) {
      throw ApplicationFailure.newFailure(platform + " " + action + " failed (" + reply.status() + "): "
          + reply.errorMessage(), UNAVAILABLE);
    }
    return reply.json();
  }

  /** The platform's own admin URL, from the sandbox's directory (looked up once it answers). */
  private URI base() {
    URI known = base;
    if (known != null) {
      return known;
    }
    URI directory = HttpJson.resolve(sandboxAdmin, "/api/hosted-platforms");
    try {
      HttpJson.Reply reply = http.get(directory);
      JsonNode url = reply.json() == null ? null : reply.json().get(sandboxName);
      if (!reply.ok() || url == null) {
        throw ApplicationFailure.newFailure("the sandbox at " + sandboxAdmin + " hosts no platform '" + sandboxName
            + "' (" + reply.status() + ": " + reply.body() + ")", UNAVAILABLE);
      }
      base = URI.create(url.asText());
      return base;
    } catch (IOException e) {
      throw ApplicationFailure.newFailureWithCause("the sandbox at " + sandboxAdmin + " did not answer (" + e + ")",
          UNAVAILABLE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}

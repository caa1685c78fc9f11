package dev.runbook.activities.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.contract.ReleaseCheck;
import dev.runbook.workflows.contract.ServiceState;
import dev.runbook.workflows.contract.SlotState;
import dev.runbook.workflows.contract.SmokeResult;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the local sandbox through its admin HTTP API, exactly as a real platform's API would be
 * driven. Every change describes first and skips when the state already holds (the sandbox is
 * idempotent too; the describe keeps the admin log free of duplicate actions after retries).
 * Sandbox 400/404 and 409 fail non-retryably with the sandbox's own message; 5xx and connection
 * errors are retried by Temporal.
 */
public class SandboxPlatformProvider implements PlatformProvider {
  private static final Logger log = LoggerFactory.getLogger(SandboxPlatformProvider.class);
  private static final List<String> SMOKE_PATHS = List.of("/api/lessons", "/api/progress");
  private static final int SMOKE_ATTEMPTS = 4;

  private final URI adminUrl;
  private final SandboxAdminApi admin;
  private final HttpJson probe;
  private final SmokeRetry smokeRetry;

  public SandboxPlatformProvider(URI adminUrl, HttpClient http) {
    this(adminUrl, http, SmokeRetry.standard());
  }

  public SandboxPlatformProvider(URI adminUrl, HttpClient http, SmokeRetry smokeRetry) {
    this.adminUrl = adminUrl;
    this.admin = new SandboxAdminApi(adminUrl, http);
    this.probe = new HttpJson(http, Duration.ofSeconds(5));
    this.smokeRetry = smokeRetry;
  }

  @Override
  public ServiceState describe(String service, String environment) {
    return view(service).toState(environment);
  }

  /** From the sandbox's catalog ({@code GET /api/services/{service}/releases}). */
  @Override
  public ReleaseCheck checkRelease(String service, String environment, String version) {
    JsonNode versions = admin.call(SandboxAdminApi.servicePath(service) + "/releases", null, "list the releases of " + service).path("versions");
    if (!versions.isArray()) {
      return new ReleaseCheck(version, ReleaseCheck.Availability.UNKNOWN, "the sandbox did not list releases of " + service);
    }
    List<String> known = new ArrayList<>();
    versions.forEach(v -> known.add(v.asText()));
    return known.contains(version)
        ? new ReleaseCheck(version, ReleaseCheck.Availability.AVAILABLE, service + " has " + version)
        : new ReleaseCheck(version, ReleaseCheck.Availability.MISSING, "the sandbox has no " + version + " of " + service
            + "; it has " + String.join(", ", known));
  }

  @Override
  public void deploy(String service, String environment, String colour, String version) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (StateChecks.runs(slot, version)) {
      log.info("{} {} already runs {}; nothing to deploy", service, colour, version);
      return;
    }
    admin.call(slotPath(service, colour) + "/deploy", new DeployBody(version), "deploy " + version + " to " + colour);
  }

  @Override
  public void shiftTraffic(String service, String environment, String colour, int weight) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (slot.weight() == weight) {
      log.info("{} {} already has {}% of traffic", service, colour, weight);
      return;
    }
    admin.call(SandboxAdminApi.servicePath(service) + "/traffic", new TrafficBody(colour, weight),
        "send " + weight + "% of traffic to " + colour);
  }

  @Override
  public void markLive(String service, String environment, String colour) {
    ServiceState state = describe(service, environment);
    StateChecks.requireSlot(state, colour);
    if (StateChecks.isLive(state, colour)) {
      log.info("{} {} is already live", service, colour);
      return;
    }
    admin.call(SandboxAdminApi.servicePath(service) + "/live", new LiveBody(colour), "make " + colour + " live");
  }

  @Override
  public void retire(String service, String environment, String colour) {
    SlotState slot = StateChecks.requireSlot(describe(service, environment), colour);
    if (StateChecks.stopped(slot)) {
      log.info("{} {} is already {}", service, colour, slot.role());
      return;
    }
    admin.call(slotPath(service, colour) + "/retire", Map.of(), "retire " + colour);
  }

  /**
   * A functional check, not a statistical one: {@code /health} must answer 200 and each smoke path
   * must answer without a 5xx within {@value #SMOKE_ATTEMPTS} attempts (a path that works at all
   * passes). Error rates and latency are the watch's job, on real traffic; a release that cannot
   * serve (v1.6.2 in the sandbox catalog) fails here and never gets traffic. A failed check is
   * repeated within the {@link SmokeRetry} deadline (one slow answer on a busy host is not a
   * broken release); a colour that runs nothing is not.
   */
  @Override
  public SmokeResult smokeTest(String service, String environment, String colour) {
    SandboxServiceView view = view(service);
    SandboxServiceView.Slot slot = view.slot(colour).orElse(null);
    if (slot == null || slot.url() == null) {
      return new SmokeResult(false, 1, 1, colour + " of " + service + " runs nothing ("
          + (slot == null ? "no such colour" : "role " + slot.role()) + "); deploy before smoke-testing");
    }
    return smokeRetry.run(() -> smokeOnce(colour, slot));
  }

  private SmokeResult smokeOnce(String colour, SandboxServiceView.Slot slot) {
    URI base = URI.create(slot.url());
    int checks = 0;
    int failures = 0;
    StringBuilder problems = new StringBuilder();
    String health = probe(HttpJson.resolve(base, "/health"));
    checks++;
    boolean healthy = "200".equals(health);
    if (!healthy) {
      failures++;
      problems.append("; /health answered ").append(health);
    }
    for (String path : SMOKE_PATHS) {
      checks++;
      String outcome = "not tried";
      for (int attempt = 1; attempt <= SMOKE_ATTEMPTS; attempt++) {
        outcome = probe(HttpJson.resolve(base, path));
        if (outcome.matches("[1-4]\\d\\d")) {
          break;
        }
      }
      if (!outcome.matches("[1-4]\\d\\d")) {
        failures++;
        problems.append("; ").append(path).append(" answered ").append(outcome)
            .append(" ").append(SMOKE_ATTEMPTS).append(" times");
      }
    }
    String detail = failures == 0
        ? colour + " (" + slot.version() + ") healthy; " + SMOKE_PATHS.size() + " smoke paths served"
        : colour + " (" + slot.version() + ") failed " + failures + " of " + checks + " checks" + problems;
    return new SmokeResult(failures == 0, checks, failures, detail);
  }

  /** The status code as text, or what went wrong on the wire; never throws for a bad slot. */
  private String probe(URI uri) {
    try {
      return Integer.toString(probe.get(uri).status());
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private SandboxServiceView view(String service) {
    JsonNode body = admin.call(SandboxAdminApi.servicePath(service), null, "describe " + service);
    try {
      return Json.MAPPER.treeToValue(body, SandboxServiceView.class);
    } catch (IOException | IllegalArgumentException e) {
      throw PlatformFailures.retryable(PlatformFailures.UNAVAILABLE,
          "sandbox answered describe " + service + " with an unexpected body: " + e.getMessage());
    }
  }

  /** Request bodies of the admin API. */
  private record DeployBody(String version) {}

  private record TrafficBody(String colour, int weight) {}

  private record LiveBody(String colour) {}

  private static String slotPath(String service, String colour) {
    return SandboxAdminApi.servicePath(service) + "/slots/" + HttpJson.segment(colour);
  }
}

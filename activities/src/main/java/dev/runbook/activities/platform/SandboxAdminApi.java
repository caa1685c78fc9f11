package dev.runbook.activities.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.HttpJson;
import dev.runbook.activities.support.Json;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The sandbox's admin HTTP API as the sandbox's activities call it (slots and traffic, instances
 * and config): JSON in and out, an unreachable API or a 5xx retryable, every other refusal
 * non-retryable with the platform failure type that names it.
 */
final class SandboxAdminApi {
  private final URI adminUrl;
  private final HttpJson admin;

  SandboxAdminApi(URI adminUrl, HttpClient http) {
    this.adminUrl = adminUrl;
    this.admin = new HttpJson(http, Duration.ofSeconds(30));
  }

  /** GET {@code path} when {@code postBody} is null, else POST it; {@code what} names the action in failures. */
  JsonNode call(String path, Object postBody, String what) {
    URI uri = HttpJson.resolve(adminUrl, path);
    HttpJson.Reply reply;
    try {
      reply = postBody == null ? admin.get(uri) : admin.postJson(uri, postBody);
    } catch (IOException e) {
      throw PlatformFailures.retryable(PlatformFailures.UNAVAILABLE,
          "sandbox admin API at " + adminUrl + " unreachable while trying to " + what + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    int status = reply.status();
    if (reply.ok()) {
      JsonNode json = reply.json();
      return json == null ? Json.MAPPER.createObjectNode() : json;
    }
    String message = "sandbox refused to " + what + " (HTTP " + status + "): " + reply.errorMessage();
    if (status == 404 && postBody == null) {
      // the reads are all under /api/services/{service}: a 404 is a service the sandbox does not host
      throw PlatformFailures.nonRetryable(PlatformFailures.UNKNOWN_SERVICE, message);
    }
    if (status == 409) {
      throw PlatformFailures.nonRetryable(PlatformFailures.CONFLICT, message);
    }
    if (status >= 500) {
      throw PlatformFailures.retryable(PlatformFailures.UNAVAILABLE, message);
    }
    throw PlatformFailures.nonRetryable(PlatformFailures.REJECTED, message);
  }

  static String servicePath(String service) {
    return "/api/services/" + HttpJson.segment(service);
  }
}

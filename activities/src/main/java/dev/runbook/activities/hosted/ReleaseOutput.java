package dev.runbook.activities.hosted;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.contract.PlatformRelease;
import io.temporal.failure.ApplicationFailure;

/** Reads the current release from what a platform CLI printed (the runbook's shape, or flyctl's). */
final class ReleaseOutput {
  static final String UNREADABLE = "PlatformOutputUnreadable";

  private ReleaseOutput() {}

  static PlatformRelease parse(String platform, String stdout) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(stdout == null ? "" : stdout);
    } catch (Exception e) {
      throw unreadable(platform, stdout, "not JSON");
    }
    if (root == null) {
      throw unreadable(platform, stdout, "empty");
    }
    if (root.isObject() && root.hasNonNull("releaseId")) {
      return new PlatformRelease(platform, root.get("releaseId").asText(), text(root, "version"), text(root, "image"),
          text(root, "configHash"));
    }
    if (root.isArray()) {
      // flyctl releases --json: newest first; the current one is the newest that completed
      for (JsonNode r : root) {
        String status = text(r, "Status");
        if (status == null || "complete".equalsIgnoreCase(status) || "succeeded".equalsIgnoreCase(status)) {
          String image = text(r, "ImageRef");
          return new PlatformRelease(platform, "v" + r.path("Version").asText(), tagOf(image), image, null);
        }
      }
      throw unreadable(platform, stdout, "no completed release listed");
    }
    throw unreadable(platform, stdout, "neither {releaseId, version, image} nor a release list");
  }

  /** The version an image runs is its tag: {@code registry.fly.io/web:v2.1.0} → {@code v2.1.0}. */
  static String tagOf(String image) {
    if (image == null) {
      return null;
    }
    int at = image.indexOf('@');
    String ref = at < 0 ? image : image.substring(0, at);
    int colon = ref.lastIndexOf(':');
    return colon < 0 || colon < ref.lastIndexOf('/') ? null : ref.substring(colon + 1);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }

  private static ApplicationFailure unreadable(String platform, String stdout, String why) {
    return ApplicationFailure.newNonRetryableFailure(platform + ": the current release could not be read (" + why
        + "): " + dev.runbook.activities.support.Text.truncate(String.valueOf(stdout), 300), UNREADABLE);
  }
}

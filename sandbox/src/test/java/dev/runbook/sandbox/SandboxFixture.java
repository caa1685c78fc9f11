package dev.runbook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One in-JVM sandbox on ephemeral ports with the shipped catalog, no background load and a fixed
 * seed, plus shortcuts for the admin API. Each test gets a fresh one (they start in milliseconds).
 */
final class SandboxFixture implements AutoCloseable {

  /** Fixed so statistical assertions are reproducible; override with -Dsandbox.test.seed=N. */
  static final long SEED = Long.getLong("sandbox.test.seed", 20_251_121L);

  final Sandbox sandbox;
  final String admin;

  private SandboxFixture(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.admin = sandbox.adminUrl();
  }

  static SandboxFixture start() throws IOException {
    return start(SandboxOptions.ephemeral().withLoad(false).withSeed(SEED));
  }

  static SandboxFixture start(SandboxOptions options) throws IOException {
    return new SandboxFixture(Sandbox.start(options));
  }

  Http.Reply get(String path) {
    return Http.get(admin + path);
  }

  Http.Reply post(String path, String body) {
    return Http.post(admin + path, body);
  }

  Http.Reply deploy(String service, String colour, String version) {
    return post("/api/services/" + service + "/slots/" + colour + "/deploy", "{\"version\":\"" + version + "\"}");
  }

  Http.Reply traffic(String service, String colour, int weight) {
    return post("/api/services/" + service + "/traffic", "{\"colour\":\"" + colour + "\",\"weight\":" + weight + "}");
  }

  Http.Reply live(String service, String colour) {
    return post("/api/services/" + service + "/live", "{\"colour\":\"" + colour + "\"}");
  }

  Http.Reply retire(String service, String colour) {
    return post("/api/services/" + service + "/slots/" + colour + "/retire", null);
  }

  JsonNode stats(String service, String colour, int lookback) {
    return get("/api/services/" + service + "/slots/" + colour + "/stats?lookback=" + lookback).json();
  }

  /** The slot's own base URL, for requests that bypass the router. */
  String slotUrl(String service, String colour) {
    for (JsonNode slot : get("/api/services/" + service).json().get("slots")) {
      if (slot.get("colour").asText().equals(colour)) {
        return slot.get("url").asText();
      }
    }
    throw new IllegalArgumentException(colour);
  }

  /** Polls stats until {@code condition} holds; returns the last stats (the caller asserts on it). */
  JsonNode awaitStats(String service, String colour, Predicate<JsonNode> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    JsonNode stats = stats(service, colour, 60);
    while (!condition.test(stats) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      stats = stats(service, colour, 60);
    }
    return stats;
  }

  @Override
  public void close() {
    sandbox.close();
  }
}

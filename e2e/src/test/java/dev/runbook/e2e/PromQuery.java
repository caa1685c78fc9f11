package dev.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Instant queries against the stack's real Prometheus ({@code GET /api/v1/query}). */
final class PromQuery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  PromQuery(String base) {
    this.base = base;
  }

  /** The query's result array; fails on an API error. */
  JsonNode result(String promql) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(r.body());
    if (!"success".equals(body.path("status").asText())) {
      throw new AssertionError("Prometheus refused " + promql + ": " + r.body());
    }
    return body.path("data").path("result");
  }

  /** Waits up to {@code limit} for a non-empty result; returns the last result either way. */
  JsonNode awaitNonEmpty(String promql, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    JsonNode result = result(promql);
    while (result.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      result = result(promql);
    }
    return result;
  }
}

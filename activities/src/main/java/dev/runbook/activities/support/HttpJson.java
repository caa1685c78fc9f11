package dev.runbook.activities.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The few HTTP moves the activities make (GET, POST JSON) with a per-request timeout, returning
 * status and body instead of throwing on 4xx/5xx: each caller decides what a status means (a
 * failed activity, or a failed metric reading that must not be).
 */
public final class HttpJson {
  private final HttpClient http;
  private final Duration timeout;

  public HttpJson(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /** Status and raw body of one exchange. */
  public record Reply(int status, String body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page from a proxy). */
    public JsonNode json() {
      try {
        return body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
      } catch (JsonProcessingException notJson) {
        return null;
      }
    }

    /** The {@code "error"} field of a JSON error body, else the (truncated) body itself. */
    public String errorMessage() {
      JsonNode node = json();
      if (node != null && node.hasNonNull("error")) {
        return node.get("error").asText();
      }
      return body == null || body.isBlank() ? "(empty body)" : Text.truncate(body, 500);
    }
  }

  public Reply get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build());
  }

  public Reply postJson(URI uri, Object body) throws IOException, InterruptedException {
    String json = Json.MAPPER.writeValueAsString(body);
    return send(HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build());
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), response.body());
  }

  /** One URL path segment, percent-encoded (spaces as %20, not '+'). */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A query parameter value, percent-encoded. */
  public static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code base} + {@code path}, tolerating a trailing slash on the configured base URL. */
  public static URI resolve(URI base, String pathAndQuery) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + pathAndQuery);
  }
}

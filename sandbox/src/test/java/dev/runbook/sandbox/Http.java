package dev.runbook.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/** Test-side HTTP: what a runbook activity would do against the sandbox, over real loopback HTTP. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  /** A response with its body parsed as JSON when it is JSON. */
  record Reply(int status, String body, String colour) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  private Http() {}

  static Reply get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  static Reply post(String url, String body) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = CLIENT.send(
          builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(),
          response.headers().firstValue("X-Sandbox-Colour").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code count} GETs to {@code url} with at most {@code concurrency} in flight; waits for all. */
  static List<Reply> burst(String url, int count, int concurrency) {
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<Reply>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      permits.acquireUninterruptibly();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
      futures.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .thenApply(r -> new Reply(r.statusCode(), r.body(),
              r.headers().firstValue("X-Sandbox-Colour").orElse(null)))
          .whenComplete((r, e) -> permits.release()));
    }
    return futures.stream().map(CompletableFuture::join).toList();
  }
}

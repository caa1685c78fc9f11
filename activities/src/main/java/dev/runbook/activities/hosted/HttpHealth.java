package dev.runbook.activities.hosted;

import dev.runbook.activities.support.Text;
import dev.runbook.workflows.contract.PlatformHealth;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One GET of a health URL: 2xx passes; anything else, or no answer, does not (and says what it saw). */
public final class HttpHealth {
  private final HttpClient http;
  private final Duration timeout;

  public HttpHealth(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public PlatformHealth probe(String url) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      boolean ok = r.statusCode() >= 200 && r.statusCode() < 300;
      return new PlatformHealth(ok, r.statusCode() + " from " + url + (ok ? "" : ": " + Text.truncate(r.body(), 200)));
    } catch (IOException e) {
      return new PlatformHealth(false, url + " did not answer (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }
}

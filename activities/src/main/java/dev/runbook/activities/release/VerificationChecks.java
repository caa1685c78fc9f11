package dev.runbook.activities.release;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.HttpCheck;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.PhaseCheck;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchRule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The verification's checks: HTTP checks against an environment's public address, and the live
 * release's error log and performance read from the environment's metric source over the last
 * minute. A check never throws: what it saw is its detail, pass or fail.
 */
final class VerificationChecks {
  static final long LOOKBACK_SECONDS = 60;
  private final HttpClient http;

  VerificationChecks(HttpClient http) {
    this.http = http;
  }

  /** Attempts per HTTP check: a release that errs once in 500 requests must not fail its verification by chance. */
  static final int ATTEMPTS = 3;

  /** {@code check} against {@code base} ({service} in its path filled in); passes when one of the attempts does. */
  PhaseCheck http(URI base, HttpCheck check, String service) {
    URI uri = base.resolve(check.path().replace("{service}", service));
    PhaseCheck last = null;
    for (int i = 0; i < ATTEMPTS && (last == null || !last.passed()); i++) {
      last = once(uri, check);
    }
    return last;
  }

  private PhaseCheck once(URI uri, HttpCheck check) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      boolean status = response.statusCode() == check.expectStatus();
      boolean body = check.expectBody() == null || response.body().contains(check.expectBody());
      return new PhaseCheck(check.name(), status && body, "GET " + uri.getPath() + " answered " + response.statusCode()
          + (status ? "" : " (expected " + check.expectStatus() + ")")
          + (body ? "" : ", body without '" + check.expectBody() + "'"));
    } catch (IOException e) {
      return new PhaseCheck(check.name(), false, "GET " + uri + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PhaseCheck(check.name(), false, "interrupted");
    }
  }

  /** Errors the live release's slot counted over the last minute, as a rate against the ceiling. */
  PhaseCheck errorLog(MetricSource source, String service, String env, String colour, String version, double max) {
    MetricReading r = source.read(rule("error log", MetricKind.ERROR_RATE_PERCENT), service, env, colour, version);
    if (r.problem() != null) {
      return new PhaseCheck("error log", false, "unreadable: " + r.problem());
    }
    return new PhaseCheck("error log", r.value() <= max, String.format("%.2f%% errors over %d requests in the last "
        + "minute on %s (ceiling %.1f%%)", r.value(), r.samples(), colour, max));
  }

  /** The live release's p95 latency over the last minute against the ceiling. */
  PhaseCheck performance(MetricSource source, String service, String env, String colour, String version, double max) {
    MetricReading r = source.read(rule("performance", MetricKind.LATENCY_P95_MS), service, env, colour, version);
    if (r.problem() != null) {
      return new PhaseCheck("performance", false, "unreadable: " + r.problem());
    }
    return new PhaseCheck("performance", r.value() <= max, String.format("p95 %.0f ms over %d requests (ceiling %.0f ms)",
        r.value(), r.samples(), max));
  }

  private static WatchRule rule(String name, MetricKind metric) {
    return new WatchRule(name, metric, Comparison.GREATER_THAN, 0, false, 0, LOOKBACK_SECONDS, RuleAction.NOTIFY, 0,
        null, null);
  }
}

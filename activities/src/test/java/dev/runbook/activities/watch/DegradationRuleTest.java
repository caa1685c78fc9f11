package dev.runbook.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.metrics.PrometheusMetricSource;
import dev.runbook.activities.metrics.SandboxMetricSource;
import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.activities.testing.VirtualClock;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's "performance degradation > 50%" as a rule per environment: the candidate's p95
 * against the stable release's p95 (a factor of 1.5), read through both metric sources over HTTP,
 * in the shape a rolling deploy has (both releases on the same colour, told apart by version).
 * It fires at 60% slower and holds at 40%.
 */
class DegradationRuleTest {
  private static final long START = 1_763_700_000_000L;
  private static final double BASELINE_P95 = 120;
  private static final WatchRule DEGRADATION = new WatchRule("degradation", MetricKind.LATENCY_P95_MS,
      Comparison.GREATER_THAN, 1.5, true, 30, 30, RuleAction.ROLLBACK, 10, null, null);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final VirtualClock clock = new VirtualClock(START);
  private FakeHttpServer server;
  private TestActivityEnvironment env;

  @AfterEach
  void stop() {
    if (env != null) {
      env.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sandboxSourceFiresAtSixtyPercentSlower() throws Exception {
    assertThat(watchWith(sandbox(1.6 * BASELINE_P95))).isEqualTo(WatchResult.ROLLBACK);
    assertThat(server.requests()).extracting(r -> r.param("version")).contains("v1.5.1", "v1.5.0");
  }

  @Test
  void sandboxSourceHoldsAtFortyPercentSlower() throws Exception {
    assertThat(watchWith(sandbox(1.4 * BASELINE_P95))).isEqualTo(WatchResult.HEALTHY);
  }

  @Test
  void prometheusSourceFiresAtSixtyPercentSlower() throws Exception {
    assertThat(watchWith(prometheus(1.6 * BASELINE_P95))).isEqualTo(WatchResult.ROLLBACK);
    assertThat(server.requests()).extracting(r -> r.param("query"))
        .anyMatch(q -> q.contains("colour=\"blue\",version=\"v1.5.1\""))
        .anyMatch(q -> q.contains("colour=\"blue\",version=\"v1.5.0\""));
  }

  @Test
  void prometheusSourceHoldsAtFortyPercentSlower() throws Exception {
    assertThat(watchWith(prometheus(1.4 * BASELINE_P95))).isEqualTo(WatchResult.HEALTHY);
  }

  /** The sandbox's stats endpoint: the candidate release's p95 or the baseline's, by the version asked for. */
  private MetricSource sandbox(double candidateP95) throws Exception {
    server = new FakeHttpServer(r -> Response.json(200, "{\"requests\":200,\"p95Ms\":"
        + ("v1.5.1".equals(r.param("version")) ? candidateP95 : BASELINE_P95) + ",\"asOfMillis\":" + clock.millis() + "}"));
    return new SandboxMetricSource(server.uri(), HTTP, clock);
  }

  /** Prometheus' query API: the p95 query of each release, and its request count. */
  private MetricSource prometheus(double candidateP95) throws Exception {
    server = new FakeHttpServer(r -> {
      String query = r.param("query");
      double value = query.contains("histogram_quantile")
          ? (query.contains("version=\"v1.5.1\"") ? candidateP95 : BASELINE_P95) : 200;
      return new Response(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
          + "\"value\":[" + clock.millis() / 1000.0 + ",\"" + value + "\"]}]}}");
    });
    return new PrometheusMetricSource(server.uri(), HTTP, clock);
  }

  private WatchResult watchWith(MetricSource source) {
    env = TestActivityEnvironment.newInstance();
    Function<String, MetricSource> sources = environment -> source;
    env.registerActivitiesImplementations(new WatchActivitiesImpl(sources, n -> {}, clock, clock::advance));
    WatchActivities watch = env.newActivityStub(WatchActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    // a rolling deploy's batch: v1.5.1 on some instances of blue, v1.5.0 on the rest
    return watch.watchRollout(new WatchRequest("deploy:learning-api:staging", "learning-api", "staging", "sandbox",
        "blue", "v1.5.1", "blue", "Batch 1 of 2", 90, 10, 60, List.of(DEGRADATION), "v1.5.0")).result();
  }
}

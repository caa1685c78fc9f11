package dev.runbook.activities.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.metrics.MetricSource;
import dev.runbook.activities.notify.NotificationActivitiesImpl;
import dev.runbook.activities.notify.PagerTarget;
import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.activities.support.Json;
import dev.runbook.activities.testing.VirtualClock;
import dev.runbook.workflows.api.IncidentJoin;
import dev.runbook.workflows.api.IncidentRequest;
import dev.runbook.workflows.api.IncidentState;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.contract.Comparison;
import dev.runbook.workflows.contract.MetricKind;
import dev.runbook.workflows.contract.MetricReading;
import dev.runbook.workflows.contract.RuleAction;
import dev.runbook.workflows.contract.WatchActivities;
import dev.runbook.workflows.contract.WatchRequest;
import dev.runbook.workflows.contract.WatchResult;
import dev.runbook.workflows.contract.WatchRule;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code page} rule, from the watch to the pager: a real watch window on a virtual clock, the
 * real notifier, and a PagerDuty-style endpoint on 127.0.0.1 that must get one trigger per
 * breach, while a {@code notify} rule only reaches the channel.
 */
class PageRuleDeliveryTest {
  private static final long START = 1_763_700_000_000L;
  private static final WatchRule COMPLAINTS = new WatchRule("complaints", MetricKind.COMPLAINTS, Comparison.GREATER_THAN,
      10, false, 0, 300, RuleAction.PAGE, 0, null, null);
  private static final WatchRule WARNING = new WatchRule("error-rate-warning", MetricKind.ERROR_RATE_PERCENT,
      Comparison.GREATER_THAN, 2, false, 0, 60, RuleAction.NOTIFY, 0, null, null);

  private final VirtualClock clock = new VirtualClock(START);
  private FakeHttpServer receiver;
  private TestActivityEnvironment env;
  private WatchActivities watch;
  private final List<IncidentRequest> incidents = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    receiver = new FakeHttpServer(r -> new Response(r.path().equals("/v2/enqueue") ? 202 : 200, "{\"status\":\"success\"}"));
    MetricSource source = (rule, service, environment, colour, version) -> {
      long second = (clock.millis() - START) / 1000;
      double value = rule.metric() == MetricKind.COMPLAINTS ? (second >= 30 ? 12 : 0) : 3.0;
      return MetricReading.of(value, 100, clock.millis());
    };
    NotificationActivitiesImpl notifier = new NotificationActivitiesImpl(null, URI.create(receiver.uri() + "/slack"),
        new PagerTarget(URI.create(receiver.uri() + "/v2/enqueue"), "R0UT1NGKEY"), HttpClient.newHttpClient());
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new WatchActivitiesImpl(environment -> source, notifier, incident -> {
      incidents.add(incident);
      return new IncidentJoin(Procedure.INCIDENT_RESPONSE.workflowId(incident), false, IncidentState.OPEN, 2);
    }, clock, clock::advance, new OpenWatches(clock::millis)));
    watch = env.newActivityStub(WatchActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(1))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
  }

  @AfterEach
  void tearDown() {
    env.close();
    receiver.close();
  }

  @Test
  void aPageRuleTriggersThePagerOncePerBreachAndANotifyRuleOnlyTellsTheChannel() throws Exception {
    WatchRequest request = new WatchRequest("deploy:learning-api:production", "learning-api", "production", "k8s-prod",
        "green", "v1.5.1", "blue", "Canary 10% (watch 2m)", 120, 10, 60, List.of(COMPLAINTS, WARNING));

    assertThat(watch.watchRollout(request).result()).isEqualTo(WatchResult.HEALTHY);

    List<JsonNode> pages = bodies("/v2/enqueue");
    assertThat(pages).hasSize(1);
    JsonNode page = pages.get(0);
    assertThat(page.path("event_action").asText()).isEqualTo("trigger");
    assertThat(page.path("routing_key").asText()).isEqualTo("R0UT1NGKEY");
    // the key names the run the watch activity belongs to (the test environment's workflow id here)
    assertThat(page.path("dedup_key").asText())
        .matches("test-workflow-id/[0-9a-f-]{36}/rule-fired:complaints:" + (START + 30_000));
    assertThat(page.path("payload").path("summary").asText())
        .isEqualTo("complaints fired on learning-api v1.5.1 (green) in production");
    assertThat(page.path("payload").path("severity").asText()).isEqualTo("critical");
    JsonNode details = page.path("payload").path("custom_details");
    assertThat(details.path("rule").asText()).isEqualTo(COMPLAINTS.describe());
    assertThat(details.path("action").asText()).isEqualTo("page");
    assertThat(details.path("value").asText()).isEqualTo("12.0");
    assertThat(details.path("threshold").asText()).isEqualTo("10.0");
    assertThat(details.path("breachingSince").asText()).isEqualTo(Instant.ofEpochMilli(START + 30_000).toString());
    assertThat(details.path("version").asText()).isEqualTo("v1.5.1");
    assertThat(details.path("colour").asText()).isEqualTo("green");
    assertThat(details.path("step").asText()).isEqualTo("Canary 10% (watch 2m)");

    assertThat(incidents).as("the page rule opens a sev-2 incident; the notify rule none").singleElement()
        .satisfies(i -> {
          assertThat(i.severity()).isEqualTo(2);
          assertThat(i.source()).isEqualTo("deploy:learning-api:production");
          assertThat(i.summary()).startsWith("complaints fired on learning-api v1.5.1 (green) in production: ");
        });
    assertThat(bodies("/slack")).extracting(m -> m.path("severity").asText() + " " + m.path("event").asText())
        .containsExactlyInAnyOrder("WARNING rule-fired:error-rate-warning:" + START, "PAGE rule-fired:complaints:" + (START + 30_000));
  }

  private List<JsonNode> bodies(String path) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (FakeHttpServer.Request r : receiver.requests()) {
      if (r.path().equals(path)) {
        out.add(Json.MAPPER.readTree(r.body()));
      }
    }
    return out;
  }
}

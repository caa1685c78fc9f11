package dev.runbook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.activities.support.Json;
import dev.runbook.activities.support.TestPostgres;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.NotificationActivities;
import dev.runbook.workflows.contract.Severity;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestActivityEnvironment;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier against a real loopback HTTP receiver and a real Postgres: what it stores, the
 * failures Temporal retries and the ones it must not. The JSON each receiver gets is checked in
 * {@link NotificationPayloadsTest}.
 */
class NotificationActivitiesImplTest {
  private static final Notification PAGE = new Notification(Severity.PAGE, "error-rate fired on learning-api",
      "error rate 20% > 5% for 2m", "learning-api", "production", "deploy:learning-api:production",
      "rule-fired:error-rate:1763700000000", null, Map.of("value", "20.0"));
  private static TestPostgres pg;

  private FakeHttpServer receiver;
  private TestActivityEnvironment env;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = TestPostgres.startMigrated();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    pg.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    pg.clean();
    receiver = new FakeHttpServer(r -> new Response(r.path().equals("/pager") ? 202 : 200, "ok"));
    env = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
    receiver.close();
  }

  private URI webhook() {
    return URI.create(receiver.uri() + "/slack");
  }

  private PagerTarget pager() {
    return new PagerTarget(URI.create(receiver.uri() + "/pager"), "R0UT1NGKEY");
  }

  private NotificationActivities stub(NotificationActivitiesImpl impl) {
    env.registerActivitiesImplementations(impl);
    return env.newActivityStub(NotificationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build());
  }

  @Test
  void storesAPageOnceAndSendsItToThePagerBeforeTheChannel() throws Exception {
    stub(new NotificationActivitiesImpl(pg.dataSource(), webhook(), pager(), HttpClient.newHttpClient())).notify(PAGE);

    assertThat(pg.text("SELECT severity || '|' || title || '|' || body || '|' || service || '|' || environment || '|' "
        + "|| workflow_id FROM runbook.notifications")).isEqualTo("PAGE|error-rate fired on learning-api|"
        + "error rate 20% > 5% for 2m|learning-api|production|deploy:learning-api:production");
    assertThat(receiver.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/pager", "/slack");
    String key = pg.text("SELECT dedup_key FROM runbook.notifications");
    assertThat(key).endsWith("/rule-fired:error-rate:1763700000000");
    assertThat(Json.MAPPER.readTree(receiver.requests().get(0).body()).path("dedup_key").asText()).isEqualTo(key);
    assertThat(Json.MAPPER.readTree(receiver.requests().get(1).body()).path("dedupKey").asText()).isEqualTo(key);
  }

  @Test
  void aFailingWebhookIsRetriedByTemporalAndStoredOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(r -> calls.incrementAndGet() <= 2 ? new Response(502, "bad gateway") : new Response(200, "ok"));
    try (TestWorkflowEnvironment workflows = TestWorkflowEnvironment.newInstance()) {
      Worker worker = workflows.newWorker("notify");
      worker.registerWorkflowImplementationTypes(NotifyWorkflow.Impl.class);
      worker.registerActivitiesImplementations(
          new NotificationActivitiesImpl(pg.dataSource(), webhook(), HttpClient.newHttpClient()));
      workflows.start();

      workflows.getWorkflowClient().newWorkflowStub(NotifyWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue("notify").setWorkflowId("deploy:learning-api:production").build())
          .send(PAGE);
    }

    assertThat(receiver.requests()).hasSize(3);
    assertThat(pg.count("SELECT count(*) FROM runbook.notifications")).isEqualTo(1);
    assertThat(pg.text("SELECT dedup_key FROM runbook.notifications")).startsWith("deploy:learning-api:production/");
  }

  @Test
  void onlyPagesGoToThePager() {
    NotificationActivities notifier = stub(new NotificationActivitiesImpl(null, webhook(), pager(), HttpClient.newHttpClient()));
    notifier.notify(new Notification(Severity.WARNING, "error-rate-warning fired", null, "learning-api", "production",
        "deploy:learning-api:production"));
    notifier.notify(new Notification(Severity.INFO, "learning-api waits for approval", null, "learning-api", "production",
        "deploy:learning-api:production"));

    assertThat(receiver.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/slack", "/slack");
  }

  @Test
  void aPagerThatIsDownFailsTheActivityRetryablyBeforeTheChannelHearsOfIt() {
    receiver.answer(r -> r.path().equals("/pager") ? new Response(503, "{\"error\":\"try later\"}") : new Response(200, "ok"));
    NotificationActivities notifier = stub(new NotificationActivitiesImpl(null, webhook(), pager(), HttpClient.newHttpClient()));

    assertThatThrownBy(() -> notifier.notify(PAGE)).isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(NotificationActivitiesImpl.PAGER_FAILED);
          assertThat(f.getOriginalMessage()).isEqualTo("pager failed: HTTP 503: try later");
        });
    assertThat(receiver.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/pager");
  }

  @Test
  void aPageThePagerRefusesStillReachesTheChannelAndIsNotRetried() {
    receiver.answer(r -> r.path().equals("/pager")
        ? new Response(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\"}") : new Response(200, "ok"));
    NotificationActivities notifier = stub(new NotificationActivitiesImpl(null, webhook(), pager(), HttpClient.newHttpClient()));

    assertThatThrownBy(() -> notifier.notify(PAGE)).isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo(NotificationActivitiesImpl.PAGER_REJECTED);
          assertThat(f.getOriginalMessage()).startsWith("the pager refused the page: HTTP 400: ")
              .endsWith("; check runbook.pager.url and runbook.pager.routing-key")
              .doesNotContain("R0UT1NGKEY");
        });
    assertThat(receiver.requests()).extracting(FakeHttpServer.Request::path).containsExactly("/pager", "/slack");
  }

  @Test
  void aWebhookThatStaysDownFailsTheActivityRetryably() {
    receiver.answer(r -> new Response(500, "{\"error\":\"slack is down\"}"));
    NotificationActivities notifier = stub(new NotificationActivitiesImpl(null, webhook(), HttpClient.newHttpClient()));

    assertThatThrownBy(() -> notifier.notify(PAGE))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(NotificationActivitiesImpl.WEBHOOK_FAILED);
          assertThat(f.getOriginalMessage()).isEqualTo("notification webhook failed: HTTP 500: slack is down");
        });
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void logsOnlyWhenNothingIsConfiguredAndStoresOutsideActivitiesWithoutKey() throws Exception {
    new NotificationActivitiesImpl(null, null, HttpClient.newHttpClient()).notify(PAGE);
    NotificationActivitiesImpl storing = new NotificationActivitiesImpl(pg.dataSource(), null, HttpClient.newHttpClient());
    storing.notify(new Notification(Severity.INFO, "promoted", null, "learning-api", "local", null));
    storing.notify(new Notification(Severity.INFO, "promoted", null, "learning-api", "local", null));
    assertThat(pg.count("SELECT count(*) FROM runbook.notifications WHERE dedup_key IS NULL")).isEqualTo(2);
  }

  @Test
  void aNotificationWithoutTitleIsRejected() {
    assertThatThrownBy(() -> new NotificationActivitiesImpl(null, null, HttpClient.newHttpClient())
        .notify(new Notification(Severity.PAGE, " ", null, null, null, null)))
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue());
  }

  @Test
  void aPagerNeedsItsRoutingKeyAndNeverShowsIt() {
    assertThatThrownBy(() -> new PagerTarget(URI.create("http://127.0.0.1:9/v2/enqueue"), " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a pager needs the routing key of the service to page");
    assertThat(pager().toString()).doesNotContain("R0UT1NGKEY");
  }
}

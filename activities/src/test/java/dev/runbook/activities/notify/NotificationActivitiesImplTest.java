package dev.runbook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationActivitiesImplTest {
  private static final Notification PAGE = new Notification(Severity.PAGE, "error-rate fired on learning-api",
      "error rate 20% > 5% for 2m", "learning-api", "production", "deploy:learning-api:production");
  private static TestPostgres pg;

  private FakeHttpServer webhook;
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
    webhook = new FakeHttpServer(r -> new Response(200, "ok"));
    env = TestActivityEnvironment.newInstance();
  }

  @AfterEach
  void tearDown() {
    env.close();
    webhook.close();
  }

  private NotificationActivities stub(NotificationActivitiesImpl impl, int attempts) {
    env.registerActivitiesImplementations(impl);
    return env.newActivityStub(NotificationActivities.class, ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofMillis(10)).setMaximumAttempts(attempts).build())
        .build());
  }

  @Test
  void storesAndPostsEveryNotification() throws Exception {
    stub(new NotificationActivitiesImpl(pg.dataSource(), webhook.uri(), HttpClient.newHttpClient()), 1).notify(PAGE);

    assertThat(pg.text("SELECT severity || '|' || title || '|' || body || '|' || service || '|' || environment || '|' "
        + "|| workflow_id FROM runbook.notifications")).isEqualTo("PAGE|error-rate fired on learning-api|"
        + "error rate 20% > 5% for 2m|learning-api|production|deploy:learning-api:production");
    assertThat(webhook.requests()).hasSize(1);
    JsonNode posted = Json.MAPPER.readTree(webhook.requests().get(0).body());
    assertThat(posted.path("text").asText()).isEqualTo("[PAGE] error-rate fired on learning-api\nerror rate 20% > 5% for 2m");
    assertThat(posted.path("severity").asText()).isEqualTo("PAGE");
    assertThat(posted.path("workflowId").asText()).isEqualTo("deploy:learning-api:production");
    assertThat(posted.path("at").asText()).isNotBlank();
  }

  @Test
  void aFailingWebhookIsRetriedByTemporalAndStoredOnce() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    webhook.answer(r -> calls.incrementAndGet() <= 2 ? new Response(502, "bad gateway") : new Response(200, "ok"));
    try (TestWorkflowEnvironment workflows = TestWorkflowEnvironment.newInstance()) {
      Worker worker = workflows.newWorker("notify");
      worker.registerWorkflowImplementationTypes(NotifyWorkflow.Impl.class);
      worker.registerActivitiesImplementations(
          new NotificationActivitiesImpl(pg.dataSource(), webhook.uri(), HttpClient.newHttpClient()));
      workflows.start();

      workflows.getWorkflowClient().newWorkflowStub(NotifyWorkflow.class,
          WorkflowOptions.newBuilder().setTaskQueue("notify").setWorkflowId("deploy:learning-api:production").build())
          .send(PAGE);
    }

    assertThat(webhook.requests()).hasSize(3);
    assertThat(pg.count("SELECT count(*) FROM runbook.notifications")).isEqualTo(1);
    assertThat(pg.text("SELECT dedup_key FROM runbook.notifications")).startsWith("deploy:learning-api:production/");
  }

  @Test
  void aWebhookThatStaysDownFailsTheActivityRetryably() {
    webhook.answer(r -> new Response(500, "{\"error\":\"slack is down\"}"));
    NotificationActivities notifier = stub(new NotificationActivitiesImpl(null, webhook.uri(), HttpClient.newHttpClient()), 1);

    assertThatThrownBy(() -> notifier.notify(PAGE))
        .isInstanceOf(ActivityFailure.class)
        .cause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isFalse();
          assertThat(f.getType()).isEqualTo(NotificationActivitiesImpl.WEBHOOK_FAILED);
          assertThat(f.getOriginalMessage()).isEqualTo("notification webhook failed: HTTP 500: slack is down");
        });
    assertThat(webhook.requests()).hasSize(1);
  }

  @Test
  void logsOnlyWhenNothingIsConfiguredAndStoresOutsideActivities() throws Exception {
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
}

package dev.runbook.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.activities.support.FakeHttpServer;
import dev.runbook.activities.support.FakeHttpServer.Request;
import dev.runbook.activities.support.FakeHttpServer.Response;
import dev.runbook.activities.support.Json;
import dev.runbook.workflows.api.PromoteRequest;
import dev.runbook.workflows.contract.GateNotice;
import dev.runbook.workflows.contract.Notification;
import dev.runbook.workflows.contract.Severity;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JSON a Slack webhook and a PagerDuty Events API v2 endpoint get, sent from a real workflow
 * run (so the dedup key has a real run id) to a real HTTP receiver on 127.0.0.1.
 */
class NotificationPayloadsTest {
  private static final String RUN = "deploy:learning-api:production";
  private static final GateNotice GATE = new GateNotice(2, "Canary 50%", "promote", List.of("alice", "bob"));
  private static final Notification APPROVAL = new Notification(Severity.INFO,
      "learning-api waits for approval in production", "Canary 50% healthy; waiting for promotion. Promote with:"
      + " runbook promote " + RUN + " --as NAME", "learning-api", "production", RUN, "awaiting-promote:step-2", GATE, null);
  private static final Notification PAGE_RULE = new Notification(Severity.PAGE,
      "complaints fired on learning-api v1.5.1 (green) in production",
      "complaints: complaints > 10 → page. 12 complaints in 5m; value 12.0, threshold 10.0.", "learning-api",
      "production", RUN, "rule-fired:complaints:1763700200000", null,
      orderedMap("rule", "complaints: complaints > 10 → page", "value", "12.0", "threshold", "10.0", "version", "v1.5.1"));

  private FakeHttpServer receiver;
  private TestWorkflowEnvironment workflows;

  @BeforeEach
  void setUp() throws Exception {
    receiver = new FakeHttpServer(r -> new Response(r.path().equals("/pager") ? 202 : 200, "ok"));
    workflows = TestWorkflowEnvironment.newInstance();
    Worker worker = workflows.newWorker("notify");
    worker.registerWorkflowImplementationTypes(NotifyWorkflow.Impl.class);
    worker.registerActivitiesImplementations(new NotificationActivitiesImpl(null, URI.create(receiver.uri() + "/slack"),
        new PagerTarget(URI.create(receiver.uri() + "/pager"), "R0UT1NGKEY"), HttpClient.newHttpClient()));
    workflows.start();
  }

  @AfterEach
  void tearDown() {
    workflows.close();
    receiver.close();
  }

  /** Sends {@code n} from a workflow run, as a runbook does; returns that run's id. */
  private String send(Notification n) {
    NotifyWorkflow run = workflows.getWorkflowClient().newWorkflowStub(NotifyWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue("notify").setWorkflowId(RUN).build());
    WorkflowExecution execution = WorkflowClient.start(run::send, n);
    workflows.getWorkflowClient().newUntypedWorkflowStub(RUN).getResult(Void.class);
    return execution.getRunId();
  }

  private List<JsonNode> received(String path) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (Request r : receiver.requests()) {
      if (r.path().equals(path)) {
        assertThat(r.method()).isEqualTo("POST");
        out.add(Json.MAPPER.readTree(r.body()));
      }
    }
    return out;
  }

  @Test
  void anApprovalReachesTheChannelAsASlackMessageWithTheGateAndWhatToType() throws Exception {
    String runId = send(APPROVAL);

    assertThat(received("/pager")).isEmpty();
    JsonNode slack = received("/slack").get(0);
    assertThat(slack.path("text").asText()).isEqualTo("[INFO] learning-api waits for approval in production\n"
        + APPROVAL.body());
    assertThat(slack.path("dedupKey").asText()).isEqualTo(RUN + "/" + runId + "/awaiting-promote:step-2");
    assertThat(slack.path("runId").asText()).isEqualTo(runId);

    JsonNode blocks = slack.path("blocks");
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo(APPROVAL.title());
    assertThat(texts(blocks)).contains(
        "*Run*\n`" + RUN + "`",
        "*Waiting for:* promote of step 2 (Canary 50%)\n*Who may decide:* alice, bob",
        "*With the CLI* (NAME: your name)\n```runbook promote " + RUN + " --as NAME\n"
            + "runbook abort " + RUN + " --as NAME --reason \"WHY\"```",
        "*In the Temporal UI* (Send a Signal): signal `promote` with input `{\"approver\":\"NAME\"}`, or signal"
            + " `abort` with input `{\"approver\":\"NAME\",\"reason\":\"WHY\"}`");
    for (JsonNode block : blocks) {
      assertThat(block.path("type").asText()).isIn("header", "section", "context");
    }
    assertThat(blocks.get(blocks.size() - 1).path("type").asText()).isEqualTo("context");

    JsonNode promote = slack.path("gate").path("actions").path("promote");
    assertThat(promote.path("cli").asText()).isEqualTo("runbook promote " + RUN + " --as NAME");
    assertThat(promote.path("signal").asText()).isEqualTo("promote");
    // the signal input, with a name filled in, is what the run's promote handler accepts
    String filledIn = promote.path("input").toString().replace("NAME", "alice");
    PromoteRequest decoded = DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
        DefaultDataConverter.STANDARD_INSTANCE.toPayload(Json.MAPPER.readTree(filledIn)).orElseThrow(),
        PromoteRequest.class, PromoteRequest.class);
    assertThat(decoded.approver()).isEqualTo("alice");
    assertThat(decoded.unknownFields()).isEmpty();
    assertThat(decoded.payloadProblem()).isNull();
    assertThat(slack.path("gate").path("approvers").toString()).isEqualTo("[\"alice\",\"bob\"]");
  }

  @Test
  void aPageRuleReachesThePagerAsAPagerDutyTriggerAndTheChannelEscaped() throws Exception {
    String runId = send(PAGE_RULE);

    JsonNode page = received("/pager").get(0);
    assertThat(fieldNames(page)).containsExactly("routing_key", "event_action", "dedup_key", "client", "payload");
    assertThat(page.path("routing_key").asText()).isEqualTo("R0UT1NGKEY");
    assertThat(page.path("event_action").asText()).isEqualTo("trigger");
    assertThat(page.path("dedup_key").asText()).isEqualTo(RUN + "/" + runId + "/rule-fired:complaints:1763700200000");
    JsonNode payload = page.path("payload");
    assertThat(payload.path("summary").asText()).isEqualTo(PAGE_RULE.title());
    assertThat(payload.path("source").asText()).isEqualTo("learning-api in production");
    assertThat(payload.path("severity").asText()).isEqualTo("critical");
    assertThat(payload.path("component").asText()).isEqualTo("learning-api");
    assertThat(payload.path("group").asText()).isEqualTo("production");
    assertThat(payload.path("class").asText()).isEqualTo("rule-fired");
    assertThat(java.time.Instant.parse(payload.path("timestamp").asText())).isNotNull();
    JsonNode details = payload.path("custom_details");
    assertThat(details.path("body").asText()).isEqualTo(PAGE_RULE.body());
    assertThat(details.path("workflowId").asText()).isEqualTo(RUN);
    assertThat(details.path("runId").asText()).isEqualTo(runId);
    assertThat(details.path("status").asText()).isEqualTo("runbook status " + RUN);
    assertThat(details.path("rule").asText()).isEqualTo("complaints: complaints > 10 → page");
    assertThat(details.path("value").asText()).isEqualTo("12.0");
    assertThat(details.path("threshold").asText()).isEqualTo("10.0");

    JsonNode slack = received("/slack").get(0);
    assertThat(slack.path("dedupKey").asText()).isEqualTo(page.path("dedup_key").asText());
    assertThat(slack.path("text").asText()).contains("complaints &gt; 10 → page");
    assertThat(texts(slack.path("blocks"))).contains("*value*\n12.0", "Follow it with `runbook status " + RUN + "`");
  }

  @Test
  void everyRetriedDeliveryCarriesTheSameDedupKey() throws Exception {
    AtomicInteger slackCalls = new AtomicInteger();
    receiver.answer(r -> r.path().equals("/pager") ? new Response(202, "ok")
        : slackCalls.incrementAndGet() <= 2 ? new Response(502, "bad gateway") : new Response(200, "ok"));

    String runId = send(PAGE_RULE);

    List<JsonNode> pages = received("/pager");
    List<JsonNode> messages = received("/slack");
    assertThat(pages).hasSize(3);
    assertThat(messages).hasSize(3);
    String key = RUN + "/" + runId + "/rule-fired:complaints:1763700200000";
    assertThat(pages).allSatisfy(p -> assertThat(p.path("dedup_key").asText()).isEqualTo(key));
    assertThat(messages).allSatisfy(m -> assertThat(m.path("dedupKey").asText()).isEqualTo(key));
  }

  @Test
  void aNotificationRecordedBeforeEventsExistedIsKeyedByTheActivityThatSendsIt() throws Exception {
    String runId = send(new Notification(Severity.WARNING, "reminder: learning-api still waits", "waiting 1h",
        "learning-api", "production", RUN));

    JsonNode slack = received("/slack").get(0);
    assertThat(slack.path("dedupKey").asText()).matches(java.util.regex.Pattern.quote(RUN + "/" + runId + "/activity-")
        + "[^/]+/[0-9a-f]{64}");
    assertThat(slack.has("gate")).isFalse();
  }

  /** Every mrkdwn/plain text in the blocks, fields included. */
  private static List<String> texts(JsonNode blocks) {
    List<String> out = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("text").has("text")) {
        out.add(block.path("text").path("text").asText());
      }
      block.path("fields").forEach(f -> out.add(f.path("text").asText()));
      block.path("elements").forEach(e -> out.add(e.path("text").asText()));
    }
    return out;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}

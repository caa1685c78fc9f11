package dev.runbook.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.runbook.workflows.lessonupdate.LessonPolicy;
import dev.runbook.workflows.testing.LessonPolicies;
import dev.runbook.workflows.testing.Policies;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The resolved policy as histories carry it: the flat form recorded before the per-procedure parts
 * (steps, emergencyWatchSeconds, retireAfterSeconds at the top level) still reads, into those parts;
 * today's nested form round-trips without the flat keys.
 */
class EnvironmentPolicyJsonTest {

  @Test
  void aFlatPolicyFromARecordedHistoryReadsIntoTheParts() throws Exception {
    EnvironmentPolicy read = resolvedIn("v0-before-single-flight-marker/emergency-deploy-succeeded.json",
        "ResolvePolicy", EnvironmentPolicy.class);

    // recorded before incidents had a policy part: everything else reads back as it was
    assertThat(read).isEqualTo(Policies.withEscalation(Policies.production(), null));
    assertThat(read.rollout().steps()).extracting(RolloutStep::weight).containsExactly(10, 50, 100);
    assertThat(read.rollout().retireAfterSeconds()).isEqualTo(600);
    assertThat(read.emergency()).isEqualTo(new EmergencyPolicy(7200, 600));
  }

  @Test
  void aFlatLessonRolloutFromARecordedHistoryReadsIntoItsRolloutPart() throws Exception {
    LessonPolicy read = resolvedIn("lesson-update-major-succeeded.json", "ResolveLessonPolicy", LessonPolicy.class);
    LessonPolicy expected = LessonPolicies.production();

    assertThat(read.rollout().rollout()).isEqualTo(expected.rollout().rollout());
    assertThat(read.rollout().rules()).isEqualTo(expected.rollout().rules());
    assertThat(read.rollout().deployTimeoutSeconds()).isEqualTo(300);
    assertThat(read.flagRemovalAfterSeconds()).isEqualTo(86_400);
  }

  @Test
  void aHandWrittenFlatPolicyFillsBothPartsWithTheOneRetireDelay() {
    EnvironmentPolicy read = read("""
        {"environment":"local","service":"web","platform":"sandbox",
         "steps":[{"weight":50,"watchSeconds":4,"gate":true},{"weight":100,"watchSeconds":2,"gate":false}],
         "pollSeconds":1,"heartbeatTimeoutSeconds":5,"emergencyWatchSeconds":20,"retireAfterSeconds":3,
         "deployTimeoutSeconds":60}""");

    assertThat(read).isEqualTo(new EnvironmentPolicy("local", "web", "sandbox", null, null, 1, 5, 60,
        new RolloutPolicy(List.of(new RolloutStep(50, 4, true), new RolloutStep(100, 2, false)), 3),
        new EmergencyPolicy(20, 3)));
  }

  @Test
  void theNestedFormReads() {
    EnvironmentPolicy read = read("""
        {"environment":"local","service":"web","platform":"sandbox","pollSeconds":1,"heartbeatTimeoutSeconds":5,
         "deployTimeoutSeconds":60,"rollout":{"steps":[{"weight":100,"watchSeconds":8,"gate":false}],
         "retireAfterSeconds":3},"emergency":{"watchSeconds":20,"retireAfterSeconds":4}}""");

    assertThat(read).isEqualTo(new EnvironmentPolicy("local", "web", "sandbox", null, null, 1, 5, 60,
        new RolloutPolicy(List.of(new RolloutStep(100, 8, false)), 3), new EmergencyPolicy(20, 4)));
  }

  @Test
  void theNestedFormRoundTripsWithoutTheFlatKeys() throws Exception {
    EnvironmentPolicy policy = Policies.production();
    JsonNode json = JacksonJsonPayloadConverter.newDefaultObjectMapper()
        .readTree(DefaultDataConverter.STANDARD_INSTANCE.toPayload(policy).orElseThrow().getData().toStringUtf8());

    assertThat(roundTrip(policy)).isEqualTo(policy);
    assertThat(json.has("steps")).isFalse();
    assertThat(json.has("retireAfterSeconds")).isFalse();
    assertThat(json.has("emergencyWatchSeconds")).isFalse();
    assertThat(json.get("rollout").get("steps")).hasSize(3);
    assertThat(json.get("emergency").get("watchSeconds").asLong()).isEqualTo(7200);
  }

  @Test
  void aPolicyWithoutPartsStaysWithoutThem() {
    EnvironmentPolicy shared = new EnvironmentPolicy("local", "web", "sandbox", List.of(), null, 1, 5, 60, null, null);

    assertThat(roundTrip(shared)).isEqualTo(shared);
  }

  /** The result of the first {@code activityType} call in a golden history, as the workflow read it. */
  private static <T> T resolvedIn(String file, String activityType, Class<T> type) throws Exception {
    String json;
    try (InputStream in = EnvironmentPolicyJsonTest.class.getResourceAsStream("/histories/" + file)) {
      assertThat(in).as("golden history %s", file).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<HistoryEvent> events = WorkflowExecutionHistory.fromJson(json).getEvents();
    long scheduled = events.stream()
        .filter(e -> e.hasActivityTaskScheduledEventAttributes()
            && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals(activityType))
        .findFirst().orElseThrow().getEventId();
    Payload payload = events.stream()
        .filter(e -> e.hasActivityTaskCompletedEventAttributes()
            && e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == scheduled)
        .findFirst().orElseThrow().getActivityTaskCompletedEventAttributes().getResult().getPayloads(0);
    assertThat(payload.getData().toStringUtf8()).contains("\"retireAfterSeconds\"").doesNotContain("\"emergency\"");
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, type, type);
  }

  private static EnvironmentPolicy read(String json) {
    Payload payload = Payload.newBuilder().putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFromUtf8(json)).build();
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, EnvironmentPolicy.class, EnvironmentPolicy.class);
  }

  private static EnvironmentPolicy roundTrip(EnvironmentPolicy value) {
    Optional<Payload> payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(value);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload.orElseThrow(), EnvironmentPolicy.class,
        EnvironmentPolicy.class);
  }
}

package dev.runbook.workflows.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notify activity's payload read both ways across the change that added the event, gate and
 * details: every notification the golden histories recorded still decodes, and a worker of the
 * earlier release (a rolling deploy) decodes a new one by ignoring what it does not know.
 */
class NotificationJsonTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.STANDARD_INSTANCE;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The payload as the earlier release declared it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EarlierNotification(
      Severity severity, String title, String body, String service, String environment, String workflowId) {}

  @Test
  void everyNotificationTheGoldenHistoriesRecordedStillDecodes() throws IOException {
    // read with Jackson, not the SDK's protobuf JSON parser: ten times faster over 20 histories
    List<Payload> recorded = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/histories"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        for (JsonNode event : JSON.readTree(file.toFile()).path("events")) {
          JsonNode scheduled = event.path("activityTaskScheduledEventAttributes");
          if (scheduled.path("activityType").path("name").asText().equals("Notify")) {
            JsonNode payload = scheduled.path("input").path("payloads").get(0);
            Payload.Builder decoded = Payload.newBuilder().setData(base64(payload.path("data")));
            payload.path("metadata").fields().forEachRemaining(m -> decoded.putMetadata(m.getKey(), base64(m.getValue())));
            recorded.add(decoded.build());
          }
        }
      }
    }

    assertThat(recorded).as("the golden histories record notifications").hasSizeGreaterThan(5);
    int earlierShape = 0;
    for (Payload payload : recorded) {
      Notification n = CONVERTER.fromPayload(payload, Notification.class, Notification.class);
      assertThat(n.severity()).isNotNull();
      assertThat(n.title()).isNotBlank();
      assertThat(n.workflowId()).isNotBlank();
      if (n.event() == null) { // the six-field payload of the earlier release
        earlierShape++;
        assertThat(n.gate()).isNull();
        assertThat(n.details()).isNull();
      }
    }
    // histories recorded later (the incident's) send events and details
    assertThat(earlierShape).as("notifications of the earlier shape").isGreaterThan(5);
  }

  private static ByteString base64(JsonNode text) {
    return ByteString.copyFrom(Base64.getDecoder().decode(text.asText()));
  }

  @Test
  void aWorkerOfTheEarlierReleaseReadsANewNotification() {
    Notification now = new Notification(Severity.INFO, "web waits for approval in production", "Canary 10% healthy",
        "web", "production", "deploy:web:production", "awaiting-promote:step-1",
        new GateNotice(1, "Canary 10%", "promote", List.of("alice", "bob")), Map.of("why", "gate"));
    Payload payload = CONVERTER.toPayload(now).orElseThrow();

    EarlierNotification earlier = CONVERTER.fromPayload(payload, EarlierNotification.class, EarlierNotification.class);
    assertThat(earlier).isEqualTo(new EarlierNotification(Severity.INFO, "web waits for approval in production",
        "Canary 10% healthy", "web", "production", "deploy:web:production"));
    assertThat(CONVERTER.fromPayload(payload, Notification.class, Notification.class)).isEqualTo(now);
  }

  @Test
  void detailsWithoutAValueAreLeftOutAndKeepTheirOrder() {
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("rule", "p95");
    details.put("value", null);
    details.put("threshold", "2000.0");
    Notification n = new Notification(Severity.PAGE, "p95 fired", null, "web", "production", "deploy:web:production",
        "rule-fired:p95:1", null, details);

    assertThat(n.details().keySet()).containsExactly("rule", "threshold");
    assertThat(new Notification(Severity.PAGE, "t", null, null, null, null, null, null, Map.of()).details()).isNull();
  }
}

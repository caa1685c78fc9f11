package dev.runbook.sandbox;

import static dev.runbook.sandbox.LessonFiles.SPREAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Maintenance over the admin API: the public front door answers 503, learners hold, both come back. */
class MaintenanceModeTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void thePublicApiAnswers503WithTheMessageAndRetryAfterUntilOff() throws Exception {
    try (SandboxFixture sb = SandboxFixture.start()) {
      String front = sb.sandbox.routerUrl() + "/svc/learning-api/api/lessons";
      assertThat(send(front).statusCode()).isNotEqualTo(503);

      Http.Reply on = sb.post("/api/maintenance/on", "{\"message\":\"Back in 10 minutes\",\"retryAfterSeconds\":120}");
      assertThat(on.status()).isEqualTo(200);
      assertThat(on.json().get("on").asBoolean()).isTrue();
      long since = on.json().get("sinceMillis").asLong();

      HttpResponse<String> closed = send(front);
      assertThat(closed.statusCode()).isEqualTo(503);
      assertThat(closed.headers().firstValue("Retry-After")).hasValue("120");
      assertThat(Http.JSON.readTree(closed.body()).get("message").asText()).isEqualTo("Back in 10 minutes");
      assertThat(send(sb.sandbox.routerUrl() + "/health").statusCode()).isEqualTo(200);
      // operators still reach the instances themselves (smoke tests during maintenance)
      assertThat(send(sb.slotUrl("learning-api", "blue") + "/health").statusCode()).isEqualTo(200);

      JsonNode again = sb.post("/api/maintenance/on", "{\"message\":\"Back in 20 minutes\"}").json();
      assertThat(again.get("sinceMillis").asLong()).isEqualTo(since); // idempotent: still the same maintenance
      assertThat(again.get("retryAfterSeconds").asInt()).isEqualTo(600);
      assertThat(Http.JSON.readTree(send(front).body()).get("message").asText()).isEqualTo("Back in 20 minutes");

      assertThat(sb.post("/api/maintenance/off", null).json().get("on").asBoolean()).isFalse();
      assertThat(sb.post("/api/maintenance/off", null).status()).isEqualTo(200);
      assertThat(sb.get("/api/maintenance").json().get("on").asBoolean()).isFalse();
      assertThat(send(front).statusCode()).isNotEqualTo(503);
    }
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() throws Exception {
    try (SandboxFixture sb = SandboxFixture.start()) {
      Http.Reply noMessage = sb.post("/api/maintenance/on", "{}");
      assertThat(noMessage.status()).isEqualTo(400);
      assertThat(noMessage.json().get("error").asText()).contains("'message' is required");
      Http.Reply badRetry = sb.post("/api/maintenance/on", "{\"message\":\"x\",\"retryAfterSeconds\":\"soon\"}");
      assertThat(badRetry.status()).isEqualTo(400);
      assertThat(badRetry.json().get("error").asText()).contains("retryAfterSeconds must be a whole number");
      assertThat(sb.post("/api/maintenance/on", "{\"message\":\"x\",\"retryAfterSeconds\":-1}").status()).isEqualTo(400);
      assertThat(sb.get("/api/maintenance").json().get("on").asBoolean()).isFalse();
    }
  }

  @Test
  void learnersWriteNothingDuringMaintenanceAndResumeAfter() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_maintenance");
    store.store(LessonFiles.spread(), "FIRST_RELEASE");
    store.makeCurrent(SPREAD, "1.1.0");
    try (SandboxFixture sb = LessonServingTest.start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(50);

      sb.post("/api/maintenance/on", "{\"message\":\"Back soon\"}");
      long sessions = learners.status().get("sessions").asLong();
      String state = store.tableState();
      Thread.sleep(400);
      assertThat(store.tableState()).isEqualTo(state);
      assertThat(learners.status().get("sessions").asLong()).isEqualTo(sessions);
      // a test's pause/resume does not end a maintenance
      learners.pause();
      learners.resume();
      Thread.sleep(200);
      assertThat(store.tableState()).isEqualTo(state);

      sb.post("/api/maintenance/off", null);
      learners.awaitMoreSessions(50);
      assertThat(store.tableState()).isNotEqualTo(state);
    }
  }

  private static HttpResponse<String> send(String url) throws Exception {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

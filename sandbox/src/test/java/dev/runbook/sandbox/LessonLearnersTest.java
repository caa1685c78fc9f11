package dev.runbook.sandbox;

import static dev.runbook.sandbox.LessonFiles.SPREAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The learner simulation's life: before the store exists, paused, and absent. */
class LessonLearnersTest {

  @Test
  void waitsForTheStoreToBeMigratedThenServes() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.notMigrated("platform_late");
    try (SandboxFixture sb = LessonServingTest.start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      Thread.sleep(1_200);
      assertThat(learners.status().get("storeReady").asBoolean()).isFalse();
      assertThat(sb.get("/api/lessons").json()).isEmpty();
      assertThat(sb.get("/health").status()).isEqualTo(200);

      store.migrate();
      store.store(LessonFiles.spread(), "FIRST_RELEASE");
      store.makeCurrent(SPREAD, "1.1.0");
      learners.awaitMoreSessions(50);

      assertThat(learners.status().get("storeReady").asBoolean()).isTrue();
      assertThat(store.progress()).isNotEmpty();
    }
  }

  @Test
  void pauseStopsEveryWriteUntilResume() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_pause");
    store.store(LessonFiles.spread(), "FIRST_RELEASE");
    store.makeCurrent(SPREAD, "1.1.0");
    try (SandboxFixture sb = LessonServingTest.start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(100);

      JsonNode paused = learners.pause();
      String state = store.tableState();
      Thread.sleep(400);

      assertThat(paused.get("paused").asBoolean()).isTrue();
      assertThat(store.tableState()).isEqualTo(state);
      assertThat(learners.status().get("sessions").asLong()).isEqualTo(paused.get("sessions").asLong());
      assertThat(learners.resume().get("paused").asBoolean()).isFalse();
      learners.awaitMoreSessions(50);
      assertThat(store.tableState()).isNotEqualTo(state);
      JsonNode status = learners.status();
      assertThat(status.get("learners").asInt()).isPositive();
      assertThat(status.get("sessionsPerSecond").asInt()).isEqualTo(500);
    }
  }

  @Test
  void withoutAPlatformDatabaseNothingAboutLessonsRuns() throws Exception {
    try (SandboxFixture sb = SandboxFixture.start()) {
      Http.Reply lessons = sb.get("/api/lessons");
      assertThat(lessons.status()).isEqualTo(404);
      assertThat(lessons.json().get("error").asText()).contains("--platform-db-url");
      assertThat(sb.get("/api/learners").status()).isEqualTo(404);
      assertThat(sb.post("/api/learners/pause", null).status()).isEqualTo(404);
      assertThat(sb.get("/api/lessons/" + SPREAD + "/versions/1.1.0/stats").status()).isEqualTo(404);
      assertThat(sb.get("/metrics").body()).doesNotContain("sandbox_lesson_");

      JsonNode market = sb.get("/api/market").json();
      assertThat(market.get("symbols")).extracting(JsonNode::asText).contains("AAPL", "MSFT", "TSLA", "PLUG", "BRK.B")
          .hasSize(12);
      assertThat(market.get("quotes").get("MSFT").get("spread").asText()).isEqualTo("0.04");
    }
  }
}

package dev.runbook.sandbox;

import static dev.runbook.sandbox.LessonFiles.SPREAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.ProgressFingerprint;
import dev.runbook.sandbox.lessons.Chance;
import dev.runbook.sandbox.lessons.LearnerBehaviour;
import dev.runbook.sandbox.lessons.LearnerSimulation;
import dev.runbook.sandbox.lessons.LearnerStatus;
import dev.runbook.sandbox.lessons.MarketData;
import dev.runbook.sandbox.lessons.PlatformDb;
import dev.runbook.sandbox.metrics.LessonMetricsRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents the sandbox did not write itself: older schemas are migrated, unreadable ones left alone. */
class LessonProgressDocumentsTest {

  @Test
  void migratesOldDocumentsKeepingWhatItDoesNotKnowAndNeverOverwritesUnreadableOnes() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_docs");
    store.store(LessonFiles.spread(), "FIRST_RELEASE");
    store.makeCurrent(SPREAD, "1.1.0");
    String unreadable = "{\"user_id\":\"learner-000001\",\"schema_version\":\"9.9\",\"gamification\":{\"total_xp\":7}}";
    String v09 = "{\"user_id\":\"learner-000002\",\"preferences\":{\"notifications\":true},"
        + "\"lessons\":{\"stock_basics_002\":{\"status\":\"in_progress\",\"sections_completed\":[\"introduction\"]}},"
        + "\"lesson_completions\":{\"stock_basics_009\":{\"xp_earned\":50,\"quiz_score\":4,\"quiz_total\":5}},"
        + "\"gamification\":{\"total_xp\":500,\"level\":4,\"badges\":[\"first_steps\"]}}";
    PlatformStoreFixture.execute("insert into platform_docs.user_progress (user_id, document) values"
        + " ('learner-000001', '" + unreadable + "'), ('learner-000002', '" + v09 + "')");
    Map<String, Object> before = store.progress().get("learner-000002");

    // Two learners only, so every session is one of them.
    LearnerBehaviour twoLearners = new LearnerBehaviour(0.4, 0.03, 0.85, 0.3, 0.1, 0.7, 2);
    try (LearnerSimulation learners = new LearnerSimulation(new PlatformDb(store.learners(200)), store.learners(200),
        twoLearners, MarketData.standard(), Chance.seeded(5), new LessonMetricsRegistry(System::currentTimeMillis))) {
      learners.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      LearnerStatus status = learners.status();
      while ((status.sessions() < 20 || status.unreadableDocuments() == 0) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        status = learners.status();
      }
      learners.pause();

      assertThat(status.learners()).isEqualTo(2);
      assertThat(status.unreadableDocuments()).isPositive();
      Map<String, Map<String, Object>> docs = store.progress();
      assertThat(docs.get("learner-000001")).isEqualTo(Http.JSON.readValue(unreadable, Map.class));
      Map<String, Object> migrated = docs.get("learner-000002");
      assertThat(migrated.get("schema_version")).isEqualTo("1.0");
      assertThat(migrated.get("preferences")).isEqualTo(Map.of("notifications", true));
      assertThat(ProgressFingerprint.of(migrated).completions()).containsEntry("stock_basics_009", 50L);
      assertThat(ProgressFingerprint.of(migrated).totalXp()).isGreaterThanOrEqualTo(ProgressFingerprint.of(before).totalXp());
      assertThat(LearnerTraffic.versionOf(migrated, SPREAD)).hasValue("1.1.0");
    }
  }
}

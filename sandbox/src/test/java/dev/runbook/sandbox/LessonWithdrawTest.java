package dev.runbook.sandbox;

import static dev.runbook.sandbox.LessonFiles.MARKET_MAKERS;
import static dev.runbook.sandbox.LessonFiles.STOCK_PRICES;
import static dev.runbook.sandbox.LearnerTraffic.inProgressVersion;
import static dev.runbook.sandbox.LearnerTraffic.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.ProgressFingerprint;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A rollback as the lesson-update runbook performs it, against live learners: a broken major
 * version is withdrawn (and its flag removed) while another lesson's flag is raised. Progress is
 * snapshotted while the learners are paused, so every comparison sees whole sessions.
 */
class LessonWithdrawTest {

  private static final String BROKEN_FLAG = "lesson_v2_" + MARKET_MAKERS;
  private static final String GOOD_FLAG = "lesson_v2_" + STOCK_PRICES;

  @Test
  void aWithdrawnVersionIsNeverServedAgainAndXpAndCompletionsOnlyEverGrow() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_withdraw");
    store.store(LessonFiles.marketMakers(), "FIRST_RELEASE");
    store.makeCurrent(MARKET_MAKERS, "1.0.1");
    store.store(LessonFiles.marketMakersUnknownSymbolV2(), "MAJOR");
    store.setFlag(BROKEN_FLAG, MARKET_MAKERS, "2.0.0", 50);
    store.store(LessonFiles.stockPricesV1(), "FIRST_RELEASE");
    store.makeCurrent(STOCK_PRICES, "1.1.0");
    store.store(LessonFiles.stockPricesV2(), "MAJOR");
    store.setFlag(GOOD_FLAG, STOCK_PRICES, "2.0.0", 10);

    try (SandboxFixture sb = LessonServingTest.start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(500);
      learners.pause();
      Map<String, Map<String, Object>> before = store.progress();
      List<String> onBroken = before.entrySet().stream()
          .filter(e -> inProgressVersion(e.getValue(), MARKET_MAKERS).equals(Optional.of("2.0.0")))
          .map(Map.Entry::getKey).toList();
      assertThat(onBroken).as("learners stuck on the broken version").hasSizeGreaterThan(20);
      assertXpIsTheSumOfCompletions(before);

      store.withdraw(MARKET_MAKERS, "2.0.0");
      store.removeFlag(BROKEN_FLAG);
      store.setFlag(GOOD_FLAG, STOCK_PRICES, "2.0.0", 100);
      long opensAtWithdraw = learners.stats(MARKET_MAKERS, "2.0.0", 600).get("opens").asLong();
      learners.resume();
      learners.awaitMoreSessions(800);
      learners.pause();
      Map<String, Map<String, Object>> after = store.progress();

      assertThat(learners.stats(MARKET_MAKERS, "2.0.0", 600).get("opens").asLong())
          .as("opens of the withdrawn version").isEqualTo(opensAtWithdraw);
      long restarted = onBroken.stream()
          .filter(u -> !inProgressVersion(after.get(u), MARKET_MAKERS).equals(Optional.of("2.0.0"))).count();
      assertThat(restarted).as("learners who came back to the lesson since").isPositive();
      assertThat(learners.stats(MARKET_MAKERS, "2.0.0", 600).get("restarts").asLong()).isEqualTo(restarted);
      for (String user : onBroken) {
        Map<String, Object> doc = after.get(user);
        if (!inProgressVersion(doc, MARKET_MAKERS).equals(Optional.of("2.0.0"))) {
          assertThat(versionOf(doc, MARKET_MAKERS)).as(user).hasValue("1.0.1");
        } else {
          assertThat(lessonEntry(doc)).as("%s has not been back to the lesson, so the entry is as it was", user)
              .isEqualTo(lessonEntry(before.get(user)));
        }
      }
      after.forEach((user, doc) -> {
        if (!before.containsKey(user)) {
          assertThat(versionOf(doc, STOCK_PRICES).orElse("2.0.0")).as(user).isEqualTo("2.0.0");
        }
      });
      assertOnlyGrew(before, after);
      assertXpIsTheSumOfCompletions(after);
    }
  }

  /** What seed 000 calls sacred: total XP never drops, a completion is never removed or changed. */
  static void assertOnlyGrew(Map<String, Map<String, Object>> before, Map<String, Map<String, Object>> after) {
    assertThat(after.keySet()).containsAll(before.keySet());
    before.forEach((user, doc) -> {
      ProgressFingerprint was = ProgressFingerprint.of(doc);
      ProgressFingerprint now = ProgressFingerprint.of(after.get(user));
      assertThat(now.totalXp()).as(user).isGreaterThanOrEqualTo(was.totalXp());
      assertThat(now.completions()).as(user).containsAllEntriesOf(was.completions());
      assertThat(completions(after.get(user))).as(user).containsAllEntriesOf(completions(doc));
    });
  }

  /** Learners start at 0 XP and earn it only by completing lessons, so any lost XP would show here. */
  @SuppressWarnings("unchecked")
  static void assertXpIsTheSumOfCompletions(Map<String, Map<String, Object>> docs) {
    docs.forEach((user, doc) -> {
      ProgressFingerprint f = ProgressFingerprint.of(doc);
      assertThat(f.totalXp()).as(user).isEqualTo(f.completions().values().stream().mapToLong(Long::longValue).sum());
    });
  }

  @SuppressWarnings("unchecked")
  private static Object lessonEntry(Map<String, Object> doc) {
    return ((Map<String, Object>) doc.get("lessons")).get(MARKET_MAKERS);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> completions(Map<String, Object> doc) {
    return (Map<String, Object>) doc.getOrDefault("lesson_completions", Map.of());
  }
}

package dev.runbook.sandbox;

import static dev.runbook.sandbox.LessonFiles.MARKET_MAKERS;
import static dev.runbook.sandbox.LessonFiles.SPREAD;
import static dev.runbook.sandbox.LessonFiles.STOCK_PRICES;
import static dev.runbook.sandbox.LearnerTraffic.inProgressVersion;
import static dev.runbook.sandbox.LearnerTraffic.versionOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runbook.sandbox.lessons.FlagBuckets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which version learners are served, end to end: lesson versions stored in a real Postgres with
 * the platform's migration, a sandbox serving them to simulated learners, progress read back from
 * the store and numbers read over the admin API.
 */
class LessonServingTest {

  private static final int RATE = 500;
  private static final String FLAG = "lesson_v2_" + STOCK_PRICES;

  @Test
  void learnersGetTheCurrentVersionAndItsNumbersShowNoErrors() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform");
    store.store(LessonFiles.spread(), "FIRST_RELEASE");
    store.makeCurrent(SPREAD, "1.1.0");
    store.store(LessonFiles.marketMakers(), "FIRST_RELEASE");
    store.makeCurrent(MARKET_MAKERS, "1.0.1");

    try (SandboxFixture sb = start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(400);
      learners.pause();

      Map<String, Map<String, Object>> docs = store.progress();
      assertThat(docs).isNotEmpty().allSatisfy((user, doc) -> {
        assertThat(user).matches("learner-\\d{6}");
        versionOf(doc, SPREAD).ifPresent(v -> assertThat(v).isEqualTo("1.1.0"));
        versionOf(doc, MARKET_MAKERS).ifPresent(v -> assertThat(v).isEqualTo("1.0.1"));
      });
      JsonNode spread = learners.stats(SPREAD, "1.1.0", 60);
      assertThat(spread.get("opens").asLong()).isPositive();
      assertThat(spread.get("renderErrors").asLong()).isZero();
      assertThat(spread.get("errorRatePercent").asDouble()).isZero();
      assertThat(spread.get("completionRatePercent").asDouble()).isBetween(70.0, 100.0);
      assertThat(learners.stats(MARKET_MAKERS, "1.0.1", 60).get("errorRatePercent").asDouble()).isZero();
      JsonNode none = learners.stats(SPREAD, "1.0.0", 60);
      assertThat(none.get("opens").asLong()).isZero();
      assertThat(none.get("errorRatePercent").isNull()).isTrue();
      assertThat(none.get("completionRatePercent").isNull()).isTrue();
      assertThat(none.get("negativeFeedbackPercent").isNull()).isTrue();

      JsonNode lessons = sb.get("/api/lessons").json();
      assertThat(lessons).hasSize(2);
      assertThat(lessons.get(0).get("lessonId").asText()).isEqualTo(SPREAD);
      assertThat(lessons.get(0).get("currentVersion").asText()).isEqualTo("1.1.0");
      assertThat(lessons.get(0).get("flag").isNull()).isTrue();
      assertThat(lessons.get(0).get("versionsSeen")).extracting(JsonNode::asText).containsExactly("1.1.0");
      assertThat(learners.metric("sandbox_lesson_opens_total{lesson=\"" + SPREAD + "\",version=\"1.1.0\"}"))
          .hasValueSatisfying(v -> assertThat(v).isPositive());
    }
  }

  @Test
  void aFlagServesItsShareOfLearnersByStableBucketAndZeroServesNobody() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_flag");
    store.store(LessonFiles.stockPricesV1(), "FIRST_RELEASE");
    store.makeCurrent(STOCK_PRICES, "1.1.0");
    store.store(LessonFiles.stockPricesV2(), "MAJOR");
    store.setFlag(FLAG, STOCK_PRICES, "2.0.0", 30);

    try (SandboxFixture sb = start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(600);
      learners.pause();
      Map<String, Map<String, Object>> atThirty = store.progress();

      // Exactly the learners whose bucket is under 30 got 2.0.0: a stable hash, not a coin per session.
      atThirty.forEach((user, doc) -> assertThat(versionOf(doc, STOCK_PRICES))
          .as(user).hasValue(FlagBuckets.bucket(user, FLAG) < 30 ? "2.0.0" : "1.1.0"));
      long onV2 = atThirty.values().stream().filter(d -> versionOf(d, STOCK_PRICES).orElseThrow().equals("2.0.0")).count();
      assertThat(100.0 * onV2 / atThirty.size()).isBetween(22.0, 38.0);
      assertThat(sb.get("/api/lessons").json().get(0).get("flag").get("percentage").asInt()).isEqualTo(30);

      store.setFlag(FLAG, STOCK_PRICES, "2.0.0", 0);
      learners.resume();
      learners.awaitMoreSessions(400);
      learners.pause();
      Map<String, Map<String, Object>> atZero = store.progress();

      List<String> newcomers = new ArrayList<>();
      atZero.forEach((user, doc) -> {
        Optional<String> before = Optional.ofNullable(atThirty.get(user)).flatMap(d -> versionOf(d, STOCK_PRICES));
        if (before.isEmpty()) {
          newcomers.add(user);
          assertThat(versionOf(doc, STOCK_PRICES)).as(user).hasValue("1.1.0");
        } else if (inProgressVersion(atThirty.get(user), STOCK_PRICES).equals(Optional.of("2.0.0"))) {
          // Started 2.0.0 under the flag: another major than the current one, so they keep it.
          assertThat(versionOf(doc, STOCK_PRICES)).as(user).hasValue("2.0.0");
        }
      });
      assertThat(newcomers).hasSizeGreaterThan(50);
    }
  }

  @Test
  void aVersionReferencingUnknownMarketDataFailsForEveryLearnerItIsServedTo() throws Exception {
    PlatformStoreFixture store = PlatformStoreFixture.migrated("platform_broken");
    store.store(LessonFiles.marketMakers(), "FIRST_RELEASE");
    store.makeCurrent(MARKET_MAKERS, "1.0.1");
    store.store(LessonFiles.marketMakersUnknownSymbolV2(), "MAJOR");
    store.setFlag("lesson_v2_" + MARKET_MAKERS, MARKET_MAKERS, "2.0.0", 50);

    try (SandboxFixture sb = start(store)) {
      LearnerTraffic learners = new LearnerTraffic(sb);
      learners.awaitMoreSessions(300);
      learners.pause();

      JsonNode broken = learners.stats(MARKET_MAKERS, "2.0.0", 60);
      JsonNode good = learners.stats(MARKET_MAKERS, "1.0.1", 60);
      assertThat(broken.get("opens").asLong()).isGreaterThan(50);
      assertThat(broken.get("errorRatePercent").asDouble()).isEqualTo(100.0);
      assertThat(broken.get("completions").asLong()).isZero();
      assertThat(broken.get("completionRatePercent").asDouble()).isZero();
      assertThat(broken.get("negativeFeedbackPercent").asDouble()).isEqualTo(100.0);
      assertThat(good.get("opens").asLong()).isGreaterThan(50);
      assertThat(good.get("errorRatePercent").asDouble()).isZero();
      assertThat(good.get("negativeFeedbackPercent").asDouble()).isLessThan(30.0);
      assertThat(learners.metric("sandbox_lesson_render_errors_total{lesson=\"" + MARKET_MAKERS + "\",version=\"2.0.0\"}"))
          .hasValue(broken.get("renderErrors").asDouble());
    }
  }

  static SandboxFixture start(PlatformStoreFixture store) throws Exception {
    return SandboxFixture.start(SandboxOptions.ephemeral().withLoad(false).withSeed(SandboxFixture.SEED)
        .withLearners(store.learners(RATE)));
  }
}

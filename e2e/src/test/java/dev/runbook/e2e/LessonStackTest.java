package dev.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.lessons.progress.ProgressFingerprint;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson updates on the real embedded stack: the sandbox's learners read the lesson store the
 * runbook publishes into and write their progress beside it. A major update whose live example
 * cannot render is rolled back by the watch alone; a good one reaches 100% through approvals and
 * loses its flag; learners' XP and completions survive both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LessonStackTest {
  private static final Path CONTENT = Path.of(System.getProperty("runbook.home", "..")).resolve("lessons/content");
  private StackDriver driver;
  private LessonStoreReader store;

  /**
   * The shared stack ({@link SharedStack}): local's lesson policy as shipped, with a shorter
   * kill-switch delay. Lessons 01 and 02 are this class's alone.
   */
  @BeforeAll
  void startStack() {
    driver = SharedStack.driver();
    store = new LessonStoreReader(driver.stack.jdbcUrl());
  }

  @Test
  void aMajorThatBreaksRenderingIsRolledBackAndAGoodOneReachesEveryLearnerWithoutLosingAnyXp() throws Exception {
    // the platform as it was: the 1.x versions of both lessons, published as first releases
    WorkflowStub first01 = driver.startLessonUpdate(CONTENT.resolve("archive/1/01_understanding_stock_prices.yaml"));
    WorkflowStub first02 = driver.startLessonUpdate(CONTENT.resolve("02_bid_ask_spread.yaml"));
    assertThat(first01.getResult(90, TimeUnit.SECONDS, RunbookResult.class).outcome()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(first02.getResult(90, TimeUnit.SECONDS, RunbookResult.class).outcome()).isEqualTo(Outcome.SUCCEEDED);
    store.awaitLearners(100, 1, Duration.ofSeconds(60));
    Map<String, ProgressFingerprint> before = driver.withLearnersPaused(store::fingerprints);

    WorkflowStub broken = driver.startLessonUpdate(Path.of("src/test/resources/lessons/02_bid_ask_spread-2.0.0-broken.yaml"));
    RunbookResult rolledBack = broken.getResult(120, TimeUnit.SECONDS, RunbookResult.class);

    assertThat(rolledBack.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(rolledBack.reason()).startsWith("lesson-errors:");
    assertThat(rolledBack.liveVersion()).isEqualTo("1.1.0");
    assertThat(store.currentVersion("stock_basics_002")).isEqualTo("1.1.0");
    assertThat(store.withdrawn("stock_basics_002")).containsExactly("2.0.0");
    assertThat(store.flags()).isEmpty();
    RunbookStatus brokenStatus = driver.status(broken);
    assertThat(brokenStatus.steps()).anySatisfy(step -> {
      assertThat(step.name()).startsWith("Flag 10%");
      assertThat(step.state()).isEqualTo(StepState.FAILED);
    });

    WorkflowStub good = driver.startLessonUpdate(CONTENT.resolve("01_understanding_stock_prices.yaml"));
    RunbookResult promoted = driver.finishPromoting(good, Duration.ofSeconds(150));

    assertThat(promoted.outcome()).as(promoted.reason()).isEqualTo(Outcome.SUCCEEDED);
    assertThat(promoted.liveVersion()).isEqualTo("2.0.0");
    assertThat(store.currentVersion("stock_basics_001")).isEqualTo("2.0.0");
    assertThat(store.archived("stock_basics_001")).containsExactly("1.1.0");
    assertThat(store.flags()).isEmpty();
    assertThat(driver.status(good).approvals()).extracting(a -> a.approver()).containsOnly("alice");

    Map<String, ProgressFingerprint> after = driver.withLearnersPaused(store::fingerprints);
    ProgressCheck.assertNothingLost(before, after);
  }
}

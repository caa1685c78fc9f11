package dev.runbook.activities.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tool runner inside a real activity context: progress heartbeats, time limits, pipelines. */
class PgProcessTest {
  @ActivityInterface
  public interface Tool {
    @ActivityMethod
    String run(List<List<String>> pipeline, long timeoutMillis);
  }

  private TestActivityEnvironment env;
  private final List<Long> beats = new CopyOnWriteArrayList<>();
  private final AtomicLong progress = new AtomicLong();

  @BeforeEach
  void setUp() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations((Tool) (pipeline, timeoutMillis) -> {
      try {
        PgProcess.Result r = PgProcess.run(pipeline, e -> e.put("RUNBOOK_TEST", "1"),
            Duration.ofMillis(timeoutMillis), progress::incrementAndGet);
        return r.exit() + (r.timedOut() ? " timed out" : "") + " [" + r.error() + "]";
      } catch (java.io.IOException e) {
        return "io " + e.getMessage();
      }
    });
    env.setActivityHeartbeatListener(Long.class, beats::add);
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void aLongToolHeartbeatsItsProgressAboutOnceASecond() {
    Tool tool = env.newActivityStub(Tool.class);
    String result = tool.run(List.of(List.of("sh", "-c", "sleep 2.5; test \"$RUNBOOK_TEST\" = 1")), 10_000);
    assertThat(result).isEqualTo("0 []");
    assertThat(beats).hasSizeBetween(2, 3).isSorted();
  }

  @Test
  void aToolPastItsTimeIsKilled() {
    Tool tool = env.newActivityStub(Tool.class);
    long started = System.nanoTime();
    assertThat(tool.run(List.of(List.of("sleep", "30")), 1_200)).isEqualTo("-1 timed out []");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aPipelineFailsWhenItsFirstToolFailsEvenIfTheLastSucceeds() {
    Tool tool = env.newActivityStub(Tool.class);
    assertThat(tool.run(List.of(List.of("sh", "-c", "echo broken dump >&2; exit 3"), List.of("cat")), 10_000))
        .isEqualTo("3 [broken dump]");
  }
}

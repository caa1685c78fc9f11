package dev.runbook.workflows.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every golden history (src/test/resources/histories) against the current workflow
 * implementations: a change that is not behind Workflow.getVersion fails here with a
 * non-determinism error instead of in production.
 */
class GoldenHistoryReplayTest {

  /** Today's recordings, plus each earlier release's recording of the same scenario. */
  static Stream<Arguments> goldenHistories() {
    return GoldenScenarios.ALL.stream().flatMap(s -> Stream.concat(
        Stream.of(Arguments.of(s.file(), s.implementation())),
        GoldenScenarios.EARLIER_RELEASES.stream()
            .map(release -> release + "/" + s.file())
            .filter(file -> GoldenHistoryReplayTest.class.getResource("/histories/" + file) != null)
            .map(file -> Arguments.of(file, s.implementation()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenHistories")
  void replaysAgainstTheCurrentImplementation(String file, Class<?> implementation) throws Exception {
    WorkflowExecutionHistory history = load(file);
    assertThat(history.getEvents()).as("%s is a complete run", file).hasSizeGreaterThan(10);
    assertThat(history.getLastEvent().hasWorkflowExecutionCompletedEventAttributes()
        || history.getLastEvent().hasWorkflowExecutionFailedEventAttributes()).as("%s ended", file).isTrue();

    WorkflowReplayer.replayWorkflowExecution(history, implementation);
  }

  @Test
  void aChangedActivityOrderFailsTheReplay() {
    assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(
            load("v1-before-target-lock/code-deploy-succeeded.json"), ReorderedCodeDeployWorkflowImpl.class))
        .isInstanceOf(RuntimeException.class)
        .hasStackTraceContaining("NonDeterministicException")
        .hasStackTraceContaining("SmokeTest");
  }

  private static WorkflowExecutionHistory load(String file) throws IOException {
    try (InputStream in = GoldenHistoryReplayTest.class.getResourceAsStream("/histories/" + file)) {
      assertThat(in).as("golden history %s (record with -Drecord.histories=true)", file).isNotNull();
      // the run's real id: workflows that check their business key see it as they did when recorded
      return WorkflowExecutionHistory.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          GoldenScenarios.workflowIdOf(file));
    }
  }
}

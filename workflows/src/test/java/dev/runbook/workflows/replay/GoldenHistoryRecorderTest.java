package dev.runbook.workflows.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the golden histories that {@link GoldenHistoryReplayTest} replays. Run only on purpose,
 * when a workflow type is added or a change is released behind Workflow.getVersion:
 * {@code mvn -o -pl workflows test -Drecord.histories=true -Dtest=GoldenHistoryRecorderTest}.
 * Existing files are kept (they are released behaviour; add new ones beside them) unless
 * {@code -Drecord.overwrite=true}, so old runs keep replaying.
 */
@EnabledIfSystemProperty(named = "record.histories", matches = "true")
class GoldenHistoryRecorderTest {
  static final Path DIR = Path.of("src", "test", "resources", "histories");

  @Test
  void recordEveryGoldenHistory() throws IOException {
    Files.createDirectories(DIR);
    boolean overwrite = Boolean.getBoolean("record.overwrite");
    for (GoldenScenarios.Scenario scenario : GoldenScenarios.ALL) {
      if (Files.exists(DIR.resolve(scenario.file())) && !overwrite) {
        System.out.println("kept " + scenario.file() + " (released; -Drecord.overwrite=true replaces it)");
        continue;
      }
      try (RunbookTestEnvironment rt = new RunbookTestEnvironment(scenario.types())) {
        String workflowId = scenario.play().apply(rt);
        assertThat(outcomeOf(rt, workflowId)).isEqualTo(scenario.outcome());
        Path file = DIR.resolve(scenario.file());
        Files.writeString(file, rt.history(workflowId).toJson(true) + "\n", StandardCharsets.UTF_8);
        System.out.println("recorded " + file.toAbsolutePath());
      }
    }
  }

  /** A refused run fails (non-retryably) instead of returning a result; its status says REFUSED. */
  private static Outcome outcomeOf(RunbookTestEnvironment rt, String workflowId) {
    try {
      return rt.result(workflowId).outcome();
    } catch (WorkflowFailedException refused) {
      return rt.status(workflowId).outcome();
    }
  }
}

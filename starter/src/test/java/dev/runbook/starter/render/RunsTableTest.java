package dev.runbook.starter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.registry.RunRow;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunsTableTest {
  private final RunsTable table = new RunsTable(Ansi.PLAIN, ZoneOffset.UTC);

  @Test
  void rendersRowsWithEitherTimeFormat() {
    List<RunRow> rows = List.of(
        new RunRow("deploy:learning-api:local", "r2", "CodeDeploy", "learning-api", "local", "v1.6.0", "ci",
            "1767261600000", "1767261631000", "ROLLED_BACK", "error-rate"),
        new RunRow("rollback:learning-api:production", "r1", "rollback", "learning-api", "production", null, "bob",
            "2026-01-01T09:00:00Z", null, null, null));
    assertThat(table.render(rows)).isEqualTo("""
        WORKFLOW ID                       PROCEDURE    VERSION  REQUESTED BY  STARTED              FINISHED             OUTCOME
        deploy:learning-api:local         code-deploy  v1.6.0   ci            2026-01-01 10:00:00  2026-01-01 10:00:31  ROLLED_BACK
        rollback:learning-api:production  rollback     -        bob           2026-01-01 09:00:00  -                    RUNNING
        """);
  }

  @Test
  void saysSoWhenEmpty() {
    assertThat(table.render(List.of())).isEqualTo("no runs yet\n");
  }
}

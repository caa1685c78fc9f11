package dev.runbook.starter.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.LogEntry;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private final ProgressLines lines = new ProgressLines(new StatusRenderer(Ansi.PLAIN, ZoneOffset.UTC), Ansi.PLAIN);

  @Test
  void firstStatusPrintsPhaseStepsAndLog() {
    assertThat(lines.diff(null, Statuses.awaitingApproval())).containsExactly(
        "phase ॥ AWAITING_APPROVAL: approval to go past Canary 10% (watch 30s)",
        "  ✔ 1. Deploy v1.5.1 to green: 2 instances healthy",
        "  ✔ 2. Smoke test green: 4/4 checks passed",
        "  ॥ 3. Canary 10% (watch 30s): watch passed; awaiting approval",
        "  10:00:00  deploying v1.5.1 to green",
        "  10:00:12  green healthy: 2 instances",
        "  10:00:15  smoke tests passed (4/4)",
        "  10:00:15  traffic: blue 90% / green 10%",
        "  10:00:45  watch passed: error-rate 0.012 <= 0.05");
  }

  @Test
  void onlyWhatChangedAfterwards() {
    assertThat(lines.diff(Statuses.awaitingApproval(), Statuses.succeeded())).containsExactly(
        "phase ✔ DONE",
        "  ✔ 3. Canary 10% (watch 30s): promoted by alice",
        "  ✔ 4. Canary 50% (watch 30s): promoted by alice",
        "  ✔ 5. Cut over to green: green 100%",
        "  ✔ 6. Retire blue: v1.5.0 kept warm as standby",
        "  10:01:28  done: v1.5.1 live on green",
        "outcome SUCCEEDED: v1.5.1 live on green");
    assertThat(lines.diff(Statuses.succeeded(), Statuses.succeeded())).isEmpty();
  }

  @Test
  void newLogEntriesFollowTheLastSeenOneEvenWhenTheTailMoves() {
    LogEntry a = new LogEntry(1, "a");
    LogEntry b = new LogEntry(2, "b");
    LogEntry c = new LogEntry(3, "c");
    LogEntry d = new LogEntry(4, "d");
    assertThat(ProgressLines.newEntries(List.of(a, b), List.of(b, c, d))).containsExactly(c, d);
    assertThat(ProgressLines.newEntries(List.of(a), List.of(c, d))).containsExactly(c, d);
    assertThat(ProgressLines.newEntries(null, List.of(a))).containsExactly(a);
  }

  @Test
  void skippedStepsRepeatNoReason() {
    String reason = "skipped: error-rate 0.21 > 0.05 for 10s at Canary 10%";
    assertThat(lines.diff(Statuses.awaitingApproval(), Statuses.rolledBack(reason)))
        .filteredOn(l -> l.startsWith("  - "))
        .containsExactly(
            "  - 4. Canary 50% (watch 30s): skipped: error-rate 0.21 > 0.05 for 10s at Canary 10%",
            "  - 5. Cut over to green: skipped",
            "  - 6. Retire blue: skipped");
  }
}

package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.schedules.SchedulerWorkflowImpl;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `runbook schedules ...` against an embedded Temporal server, which has no Schedules API: the fallback path. */
class SchedulesCliTest {
  private static TestTemporal temporal;

  @BeforeAll
  static void startTemporal() throws IOException {
    temporal = TestTemporal.start(args -> null, SchedulerWorkflowImpl.class);
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @Test
  void listsSaysWhichPathAndAnUnknownNameIsBadInput() {
    Cli.Result list = temporal.cli("schedules", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("schedules run as: fallback-workflow",
        "daily-health-check     not created (the worker creates it at start)");

    Cli.Result unknown = temporal.cli("schedules", "pause", "nightly", "--as", "alice");
    assertThat(unknown.code()).isEqualTo(64);
    assertThat(unknown.err()).contains("unknown schedule 'nightly'; known: daily-health-check");
  }
}

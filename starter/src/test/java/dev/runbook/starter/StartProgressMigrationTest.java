package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `runbook start progress-migration`: bad input is refused here (exit 64) before Temporal is asked. */
class StartProgressMigrationTest {

  @Test
  void aBatchSizeOutOfRangeIsBadInputAndNothingStarts() {
    // port 1: nothing listens there; a start would end with 69 (unreachable), not 64
    Cli.Result r = Cli.run("start", "progress-migration", "--env", "local", "--batch-size", "0",
        "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("batchSize 0 must be between 1 and 50000");
  }

  @Test
  void helpShowsTheCommandWithItsExample() {
    Cli.Result r = Cli.run("start", "progress-migration", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--batch-size=N", "Default: 5000",
        "runbook start progress-migration --env local --batch-size 5000 --wait");
  }
}

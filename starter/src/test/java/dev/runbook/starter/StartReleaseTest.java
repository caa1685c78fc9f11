package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `runbook start release` and `runbook release log`: bad input is refused here (exit 64) before anything is asked. */
class StartReleaseTest {

  @Test
  void anUnknownLastEnvironmentOrVersionIsBadInputAndNothingStarts() {
    // port 1: nothing listens there; a start would end with 69 (unreachable), not 64
    Cli.Result r = Cli.run("start", "release", "--service", "learning-api", "--version", "latest", "--through", "qa",
        "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("version 'latest' is not a release version",
        "through 'qa' is not an environment of a release: dev, staging, production");
  }

  @Test
  void aMalformedMigrationIsRefusedBeforeTemporalIsAsked() {
    Cli.Result r = Cli.run("start", "release", "--service", "learning-api", "--version", "v1.5.1", "--migration",
        "1.1;drop", "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("migration '1.1;drop' is not a schema release such as 1.1");
  }

  @Test
  void helpShowsTheCommandWithItsExampleAndNoEnvironmentOption() {
    Cli.Result r = Cli.run("start", "release", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--through=ENV", "runbook start release --service learning-api --version v1.5.1")
        .doesNotContain("--env");
  }

  @Test
  void theLogOfAReleaseNeedsAReachableWorker() {
    Cli.Result r = Cli.run("release", "log", "release:learning-api:staging", "--worker-url", "http://127.0.0.1:1");
    assertThat(r.code()).isEqualTo(69);
    assertThat(r.err()).contains("cannot reach the runbook worker at http://127.0.0.1:1");
  }
}

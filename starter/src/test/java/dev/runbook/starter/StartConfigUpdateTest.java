package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `runbook start config-update`: a bad change is refused here (exit 64) before Temporal is asked. */
class StartConfigUpdateTest {

  @Test
  void anEmptyChangeIsBadInput() {
    // port 1: nothing listens there; a start would end with 69 (unreachable), not 64
    Cli.Result r = Cli.run("start", "config-update", "--service", "learning-api", "--env", "local",
        "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("the change is empty");
  }

  @Test
  void aSecretGivenAsItsValueIsRefusedWithoutRepeatingIt() {
    Cli.Result r = Cli.run("start", "config-update", "--service", "learning-api", "--env", "local",
        "--set", "request_timeout=800", "--secret", "DB_PASSWORD=hunter2", "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("key 'request_timeout' is not a config key",
        "secrets.DB_PASSWORD must be a reference, env:NAME or file:/path");
    assertThat(r.out() + r.err()).doesNotContain("hunter2");
  }

  @Test
  void helpShowsTheCommandWithItsExample() {
    Cli.Result r = Cli.run("start", "config-update", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--set=KEY=VALUE", "--secret=KEY=REF",
        "runbook start config-update --service learning-api --env local");
  }
}

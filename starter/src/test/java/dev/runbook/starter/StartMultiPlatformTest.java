package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `runbook start multi-platform`: malformed platform lists are refused here (exit 64) before Temporal is asked. */
class StartMultiPlatformTest {

  @Test
  void aMalformedOrRepeatedPlatformIsBadInputAndNothingStarts() {
    // port 1: nothing listens there; a start would end with 69 (unreachable), not 64
    Cli.Result r = Cli.run("start", "multi-platform", "--service", "web", "--version", "v2.1.0", "--env", "local",
        "--platforms", "fly,fly,Render;reboot", "--address", "127.0.0.1:1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("platform 'fly' is named twice", "platform 'Render;reboot' is not a platform name");
  }

  @Test
  void helpShowsTheCommandWithItsExample() {
    Cli.Result r = Cli.run("start", "multi-platform", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--platforms=NAME", "runbook start multi-platform --service web --version v2.1.0");
  }
}

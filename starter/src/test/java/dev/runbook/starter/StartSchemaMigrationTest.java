package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `runbook start schema-migration`: bad input is refused here (exit 64) before Temporal is asked. */
class StartSchemaMigrationTest {
  // port 1: nothing listens there; a start would end with 69 (unreachable), not 64
  private static Cli.Result start(String... args) {
    String[] all = new String[args.length + 4];
    all[0] = "start";
    all[1] = "schema-migration";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--address";
    all[args.length + 3] = "127.0.0.1:1";
    return Cli.run(all);
  }

  @Test
  void aMalformedTargetOrReleaseIsBadInputAndNothingStarts() {
    Cli.Result version = start("--env", "local", "--target", "v1.1");
    assertThat(version.code()).isEqualTo(64);
    assertThat(version.err()).contains("targetVersion 'v1.1' is not a schema version like 1.1");

    Cli.Result release = start("--env", "local", "--target", "1.1", "--release", "learning-api");
    assertThat(release.code()).isEqualTo(64);
    assertThat(release.err()).contains("--release 'learning-api' must be SERVICE:VERSION, e.g. learning-api:v1.6.0");

    Cli.Result releaseVersion = start("--env", "local", "--target", "1.1", "--release", "learning-api:1.6");
    assertThat(releaseVersion.code()).isEqualTo(64);
    assertThat(releaseVersion.err()).contains("releaseVersion '1.6' is not a release version like v1.6.0");

    Cli.Result env = start("--env", "Prod", "--target", "1.1", "--message", " ");
    assertThat(env.code()).isEqualTo(64);
    assertThat(env.err()).contains("environment 'Prod' is not an environment name",
        "maintenanceMessage is blank");
  }

  @Test
  void aValidRequestGoesToTemporal() {
    Cli.Result r = start("--env", "local", "--target", "1.1", "--release", "learning-api:v1.6.0", "--now",
        "--message", "Back in 10 minutes");
    assertThat(r.code()).as(r.err()).isEqualTo(69);
  }

  @Test
  void helpShowsTheCommandWithItsExample() {
    Cli.Result r = Cli.run("start", "schema-migration", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--target=VERSION", "--release=SERVICE:VERSION", "--message=TEXT", "--now",
        "runbook start schema-migration --env local --target 1.1");
  }
}

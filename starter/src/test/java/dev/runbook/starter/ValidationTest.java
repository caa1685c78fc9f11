package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input is refused with exit 64 and a specific message, before any call to Temporal. */
class ValidationTest {
  // Nothing listens here: a command that got past validation would exit 69, not 64.
  private static final String NOWHERE = "--address=127.0.0.1:1";

  @Test
  void badVersion() {
    Cli.Result r = Cli.run("start", "code-deploy", "--service", "learning-api", "--version", "1.5", "--env", "local", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("version '1.5' is not a release version like v1.5.1");
  }

  @Test
  void everyProblemIsListed() {
    Cli.Result r = Cli.run("start", "code-deploy", "--service", "Learning API", "--env", "PROD", "--as", "a b", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err())
        .contains("invalid request:")
        .contains("service 'Learning API' is not a service name")
        .contains("environment 'PROD' is not an environment name")
        .contains("version is required, e.g. v1.5.1")
        .contains("requestedBy 'a b' is not an identity");
  }

  @Test
  void emergencyDeployNeedsAReason() {
    Cli.Result r = Cli.run("start", "emergency-deploy", "--service", "learning-api", "--version", "v1.5.2", "--env", "production", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("reason is required: an emergency deploy skips the canary");
  }

  @Test
  void rollbackNeedsAReasonAndAValidTargetVersion() {
    Cli.Result r = Cli.run("start", "rollback", "--service", "learning-api", "--env", "production", "--to-version", "latest", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("toVersion 'latest' is not a release version").contains("reason is required");
  }

  @Test
  void missingRequiredFlagsAreBadInputWithAPointerToHelp() {
    Cli.Result r = Cli.run("start", "code-deploy", "--version", "v1.5.1");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("Missing required options").contains("--service").contains("--env")
        .contains("Run 'runbook start code-deploy --help' for usage.");
  }

  @Test
  void promoteNeedsAnApproverWhoIsAnIdentity() {
    assertThat(Cli.run("promote", "deploy:learning-api:local", NOWHERE).code()).isEqualTo(64);
    Cli.Result r = Cli.run("promote", "deploy:learning-api:local", "--as", "alice smith", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("--as 'alice smith' is not an identity");
  }

  @Test
  void abortNeedsAReason() {
    Cli.Result r = Cli.run("abort", "deploy:learning-api:local", "--as", "bob", "--reason", " ", NOWHERE);
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("--reason must say why");
  }

  @Test
  void unknownCommandsAndFlagsAreBadInput() {
    assertThat(Cli.run("deploy").code()).isEqualTo(64);
    Cli.Result r = Cli.run("status", "x", "--wach");
    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("Unknown option: '--wach'");
    assertThat(Cli.run("start").code()).isEqualTo(64);
    assertThat(Cli.run("list", "--limit", "0").code()).isEqualTo(64);
    assertThat(Cli.run("status", "x", "-o", "yaml").code()).isEqualTo(64);
  }
}

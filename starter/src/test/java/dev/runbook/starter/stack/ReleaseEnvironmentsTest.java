package dev.runbook.starter.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** The sandbox's environments reach the worker as its per-environment sandboxes and the release's public URLs. */
class ReleaseEnvironmentsTest {

  @Test
  void theReadyLineNamesEachEnvironmentsSandbox() {
    Matcher ready = LocalStack.SANDBOX_READY.matcher("sandbox ready admin=http://127.0.0.1:7300 router=http://127.0.0.1:7301"
        + " environments=dev@http://127.0.0.1:4001@http://127.0.0.1:4002,staging@http://127.0.0.1:4003@http://127.0.0.1:4004");
    assertThat(ready.find()).isTrue();
    assertThat(ReleaseEnvironments.workerArgs(List.of("--x=1"), ready.group(2), ready.group(3))).containsExactly(
        "--runbook.sandbox-environments.dev=http://127.0.0.1:4001",
        "--runbook.release.environments.dev.public-url=http://127.0.0.1:4002",
        "--runbook.sandbox-environments.staging=http://127.0.0.1:4003",
        "--runbook.release.environments.staging.public-url=http://127.0.0.1:4004",
        "--runbook.release.environments.production.public-url=http://127.0.0.1:7301",
        "--x=1");
  }

  @Test
  void withoutEnvironmentsEveryReleaseEnvironmentIsCheckedThroughTheMainRouter() {
    Matcher ready = LocalStack.SANDBOX_READY.matcher("sandbox ready admin=http://127.0.0.1:7300 router=http://127.0.0.1:7301");
    assertThat(ready.find()).isTrue();
    assertThat(ready.group(3)).isNull();
    assertThat(ReleaseEnvironments.workerArgs(List.of(), ready.group(2), null)).containsExactly(
        "--runbook.release.environments.dev.public-url=http://127.0.0.1:7301",
        "--runbook.release.environments.staging.public-url=http://127.0.0.1:7301",
        "--runbook.release.environments.production.public-url=http://127.0.0.1:7301");
  }
}

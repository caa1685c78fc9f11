package dev.runbook.starter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.starter.stack.LocalStackException;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Refusal;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.api.common.v1.WorkflowExecution;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  private final ExitCodeMapper mapper = new ExitCodeMapper();

  @Test
  void outcomes() {
    assertThat(ExitCodes.of(Outcome.SUCCEEDED)).isZero();
    assertThat(ExitCodes.of(Outcome.ROLLED_BACK)).isEqualTo(2);
    assertThat(ExitCodes.of(Outcome.ABORTED)).isEqualTo(3);
    assertThat(ExitCodes.of(Outcome.FAILED)).isEqualTo(4);
    assertThat(ExitCodes.of(Outcome.REFUSED)).isEqualTo(64);
    assertThat(ExitCodes.of(Outcome.LOST)).isEqualTo(4);
    assertThat(ExitCodes.of(null)).isEqualTo(4);
  }

  @Test
  void everyRefusalTypeIsBadInputAndOtherFailuresAreFailures() {
    for (Refusal r : Refusal.values()) {
      assertThat(ExitCodes.ofFailure(r.failureType())).as(r.name()).isEqualTo(64);
    }
    assertThat(ExitCodes.ofFailure("UnknownService")).isEqualTo(64);
    assertThat(ExitCodes.ofFailure("RollbackUnhealthy")).isEqualTo(4);
    assertThat(ExitCodes.ofFailure(null)).isEqualTo(4);
  }

  @Test
  void exceptions() {
    assertThat(mapper.getExitCode(CliException.badInput("x"))).isEqualTo(64);
    assertThat(mapper.getExitCode(new CliException(69, "x"))).isEqualTo(69);
    assertThat(mapper.getExitCode(new StatusRuntimeException(Status.UNAVAILABLE))).isEqualTo(69);
    assertThat(mapper.getExitCode(new StatusRuntimeException(Status.DEADLINE_EXCEEDED))).isEqualTo(69);
    var wrapped = new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("w").build(), "CodeDeploy",
        new StatusRuntimeException(Status.UNAVAILABLE.withDescription("io exception")));
    assertThat(mapper.getExitCode(wrapped)).isEqualTo(69);
    assertThat(mapper.getExitCode(new StatusRuntimeException(Status.INTERNAL))).isEqualTo(1);
    assertThat(mapper.getExitCode(new LocalStackException("port taken"))).isEqualTo(1);
    assertThat(mapper.getExitCode(new IllegalStateException())).isEqualTo(1);
  }

  @Test
  void theExitCodesAreDocumentedInTheRootHelp() {
    Cli.Result r = Cli.run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Exit codes:")
        .containsPattern("0\\s+succeeded").containsPattern("2\\s+rolled back").containsPattern("3\\s+aborted")
        .containsPattern("4\\s+failed").containsPattern("64\\s+bad input").containsPattern("69\\s+Temporal");
  }
}

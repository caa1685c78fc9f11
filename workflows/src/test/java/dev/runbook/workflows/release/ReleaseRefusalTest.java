package dev.runbook.workflows.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runbook.workflows.api.ReleaseRequest;
import dev.runbook.workflows.api.ReleaseValidation;
import dev.runbook.workflows.codedeploy.CodeDeployWorkflowImpl;
import dev.runbook.workflows.testing.FakePlatform;
import dev.runbook.workflows.testing.ReleaseRuns;
import dev.runbook.workflows.testing.RunbookTest;
import dev.runbook.workflows.testing.RunbookTestEnvironment;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A release that cannot start is refused non-retryably, naming every problem, before anything moves. */
@RunbookTest({ReleaseWorkflowImpl.class, CodeDeployWorkflowImpl.class})
class ReleaseRefusalTest {
  private final RunbookTestEnvironment rt;
  private final ReleaseRuns runs;

  ReleaseRefusalTest(RunbookTestEnvironment rt) {
    this.rt = rt;
    this.runs = new ReleaseRuns(rt);
  }

  @Test
  void malformedRequestsAreRefusedWithEveryProblem() {
    String id = runs.start(new ReleaseRequest(FakePlatform.SERVICE, "latest", "qa",
        List.of(new ReleaseRequest.ReleaseLesson("Bad Id", "x.yaml", "")), null, null, "carol", null));

    assertThatThrownBy(() -> rt.result(id)).isInstanceOf(WorkflowFailedException.class)
        .rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
          assertThat(f.isNonRetryable()).isTrue();
          assertThat(f.getType()).isEqualTo("InvalidRequest");
          assertThat(f.getOriginalMessage()).contains("version 'latest' is not a release version",
              "through 'qa' is not an environment of a release: dev, staging, production",
              "lesson x.yaml: lessonId 'Bad Id' is not a lesson id", "lesson x.yaml: lessonYaml is required");
        });
    assertThat(rt.releases.calls()).isEmpty();
    assertThat(runs.dev.mutatingCalls()).isEmpty();
  }

  @Test
  void aMalformedMigrationIsRefusedByName() {
    String id = runs.start(new ReleaseRequest(FakePlatform.SERVICE, "v1.6.0", "staging", null, "1.1; drop", null,
        "carol", null));

    assertThatThrownBy(() -> rt.result(id)).rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f ->
        assertThat(f.getOriginalMessage()).contains("migration '1.1; drop' is not a schema release such as 1.1"));
    assertThat(ReleaseValidation.problems(new ReleaseRequest(FakePlatform.SERVICE, "v1.6.0", "staging", null, "1.1",
        null, "carol", null))).isEmpty();
    assertThat(rt.releases.calls()).isEmpty();
  }

  @Test
  void anEnvironmentWithoutAReleasePolicyIsRefusedByName() {
    rt.releases.without("production");
    String id = runs.start("production");

    assertThatThrownBy(() -> rt.result(id)).rootCause().isInstanceOfSatisfying(ApplicationFailure.class, f -> {
      assertThat(f.getType()).isEqualTo("NoReleasePolicy");
      assertThat(f.getOriginalMessage()).isEqualTo(
          "no release policy for environment 'production'; environments with one: dev, staging");
    });
  }
}

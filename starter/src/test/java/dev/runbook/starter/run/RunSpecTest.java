package dev.runbook.starter.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RollbackRequest;
import dev.runbook.workflows.api.RunTarget;
import dev.runbook.workflows.api.RunbookStatus;
import org.junit.jupiter.api.Test;

class RunSpecTest {

  private static RunSpec deploy(String service, String env, String version, String by, String requestId) {
    return RunSpec.of(Procedure.CODE_DEPLOY, new RunTarget(service, env, version), by, requestId,
        id -> new CodeDeployRequest(service, env, version, by, id));
  }

  @Test
  void theDefaultRequestIdIsStableForTheSameCommandAndRequester() {
    RunSpec a = deploy("learning-api", "production", "v1.5.1", "ci", null);
    RunSpec b = deploy("learning-api", "production", "v1.5.1", "ci", "");
    RunSpec other = deploy("learning-api", "production", "v1.5.1", "alice", null);
    assertThat(a.requestId()).isEqualTo(b.requestId()).matches("req-[0-9a-f]{16}");
    assertThat(other.requestId()).isNotEqualTo(a.requestId());
    assertThat(deploy("learning-api", "production", "v1.5.1", "ci", "job-42").requestId())
        .isEqualTo("job-42");
  }

  @Test
  void idInputAndUiMetadata() {
    RunSpec spec = deploy("learning-api", "local", "v1.5.1", "alice", "job-1");
    assertThat(spec.workflowId()).isEqualTo("deploy:learning-api:local");
    assertThat(spec.workflowInput()).isEqualTo(new CodeDeployRequest("learning-api", "local", "v1.5.1", "alice", "job-1"));
    assertThat(spec.summary()).isEqualTo("code-deploy learning-api v1.5.1 → local");
    assertThat(spec.details()).contains("requested by: `alice`").contains("request id: `job-1`");
    assertThat(spec.problems()).isEmpty();
  }

  @Test
  void rollbackToTheStandbyColour() {
    RunSpec spec = RunSpec.of(Procedure.ROLLBACK, new RunTarget("learning-api", "production", " "), "bob", null,
            id -> new RollbackRequest("learning-api", "production", null, "5xx after v1.5.1", "bob", id))
        .withReason("5xx after v1.5.1").describedAs("to standby");
    assertThat(spec.workflowId()).isEqualTo("rollback:learning-api:production");
    assertThat(spec.workflowInput())
        .isEqualTo(new RollbackRequest("learning-api", "production", null, "5xx after v1.5.1", "bob", spec.requestId()));
    assertThat(spec.summary()).isEqualTo("rollback learning-api to standby → production");
    assertThat(spec.problems()).isEmpty();
  }

  @Test
  void theSingleFlightRefusalSaysWhoHoldsTheIdAndHowToClearIt() {
    RunSpec spec = deploy("learning-api", "production", "v1.6.0", "ci", null);
    RunbookStatus other = new RunbookStatus(
        "CodeDeploy", "deploy:learning-api:production", "learning-api", "production", "v1.5.1", "alice", "req-x", null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, 0);
    assertThat(RunLauncher.alreadyRunning(spec, "run-7", other)).isEqualTo(
        "learning-api in production already has a run: deploy:learning-api:production (run run-7, code-deploy v1.5.1"
            + " started by alice); wait for it or abort it with: runbook abort deploy:learning-api:production"
            + " --as NAME --reason ...");
    assertThat(RunLauncher.alreadyRunning(spec, "run-7", null)).contains("(run run-7);");
  }

  @Test
  void aLessonUpdateIsNamedAfterTheLessonAndCarriesTheFileNameAndText() {
    LessonSource source = new LessonSource("lessons/content/03_market_makers.yaml", "id: stock_basics_003\n");
    RunSpec spec = source.lessonUpdate("stock_basics_003", "1.0.1", "local", "alice", "job-3");
    assertThat(spec.workflowId()).isEqualTo("lesson:stock_basics_003:local");
    assertThat(spec.workflowInput()).isEqualTo(
        new LessonUpdateRequest("stock_basics_003", "03_market_makers.yaml", "id: stock_basics_003\n", "local", "alice", "job-3"));
    assertThat(spec.summary()).isEqualTo("lesson-update stock_basics_003 1.0.1 → local");
    assertThat(spec.details()).contains("lesson file: `03_market_makers.yaml`").contains("requested by: `alice`");
    assertThat(spec.problems()).isEmpty();
    assertThat(spec.toString()).doesNotContain("id: stock_basics_003\n");
  }

  @Test
  void theDefaultLessonRequestIdCoversTheContent() {
    LessonSource a = new LessonSource("03_market_makers.yaml", "text A");
    LessonSource b = new LessonSource("elsewhere/03_market_makers.yaml", "text A");
    LessonSource edited = new LessonSource("03_market_makers.yaml", "text B");
    String id = a.lessonUpdate("stock_basics_003", "1.0.1", "local", "ci", null).requestId();
    assertThat(id).matches("req-[0-9a-f]{16}")
        .isEqualTo(b.lessonUpdate("stock_basics_003", "1.0.1", "local", "ci", " ").requestId())
        .isNotEqualTo(edited.lessonUpdate("stock_basics_003", "1.0.1", "local", "ci", null).requestId());
    // the other procedures keep the ids they always had (a CI retry across an upgrade still follows)
    assertThat(RequestIds.of(Procedure.CODE_DEPLOY, "learning-api", "local", "v1.5.1", "ci"))
        .isEqualTo(RequestIds.of(Procedure.CODE_DEPLOY, "learning-api", "local", "v1.5.1", "ci", null));
  }

  @Test
  void aLessonUpdateIsValidatedLikeTheWorkflowValidatesIt() {
    RunSpec spec = new LessonSource("x.yaml", " ").lessonUpdate("Stock Basics", "1.0.1", "PROD", "ci", null);
    assertThat(spec.problems()).anySatisfy(p -> assertThat(p).contains("lessonId 'Stock Basics' is not a lesson id"))
        .anySatisfy(p -> assertThat(p).contains("lessonYaml is required"))
        .anySatisfy(p -> assertThat(p).contains("environment 'PROD' is not an environment name"));
  }
}

package dev.runbook.starter;

import dev.runbook.lessons.validation.LessonValidator;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Outcome;
import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookResult;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;
import dev.runbook.workflows.lessonupdate.LessonUpdateWorkflow;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * A stand-in LessonUpdate for CLI tests. It reports what arrived: the result's reason is
 * "published FILE (hash H)" with H the hex {@code hashCode} of the YAML text, so a test can check
 * the content travelled unchanged. A lesson whose YAML contains "# fake: roll back" rolls back, one
 * with "# fake: fail" fails; a major version (2.0.0 and up) waits at a gate for promote or abort.
 */
public class FakeLessonUpdate extends FakeRunGate implements LessonUpdateWorkflow {
  private LessonUpdateRequest request;
  private String version;

  /** The hash the fake reports for {@code yaml}. */
  static String hash(String yaml) {
    return Integer.toHexString(yaml.hashCode());
  }

  @Override
  public RunbookResult update(LessonUpdateRequest request) {
    this.request = request;
    this.version = LessonValidator.validate(request.lessonFile(), request.lessonYaml()).requireValid().version().toString();
    log("checking " + request.lessonFile());
    if (request.lessonYaml().contains("# fake: fail")) {
      throw ApplicationFailure.newNonRetryableFailure("the lesson store refused " + version, "Test");
    }
    if (request.lessonYaml().contains("# fake: roll back")) {
      return end(Outcome.ROLLED_BACK, "lesson error rate 9% > 5%");
    }
    if (!version.startsWith("1.")) {
      awaitGate();
    }
    return abort != null ? end(Outcome.ABORTED, "aborted by " + abort.approver())
        : end(Outcome.SUCCEEDED, "published " + request.lessonFile() + " (hash " + hash(request.lessonYaml()) + ")");
  }

  private RunbookResult end(Outcome o, String reason) {
    ended(o, reason);
    return new RunbookResult(Workflow.getInfo().getWorkflowId(), "LessonUpdate", o, reason, request.lessonId(),
        request.environment(), version, version, null, null);
  }

  @Override
  protected String environment() {
    return request.environment();
  }

  @Override
  public RunbookStatus status() {
    return new RunbookStatus("LessonUpdate", Workflow.getInfo().getWorkflowId(), request.lessonId(), request.environment(),
        version, request.requestedBy(), request.requestId(), null, phase, 1,
        List.of(new StepView("Flag 10% of new learners", gateState(), null, null, null)), Map.of(), null, null, null,
        null, List.of(), phase == Phase.AWAITING_APPROVAL ? "approval" : null, List.of("carol"), List.of(),
        List.copyOf(log), outcome, outcome == null ? null : "done", 0, 0);
  }
}

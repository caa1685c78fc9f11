package dev.runbook.starter.run;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.EmergencyDeployRequest;
import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RequestValidation;
import dev.runbook.workflows.api.RollbackRequest;
import java.util.List;

/**
 * What `runbook start <procedure>` asks for, whatever the procedure: the workflow id, the typed
 * workflow input, its validation and the UI metadata all derive from it.
 *
 * @param service the service, or for a lesson update the lesson id (the business key's middle part)
 * @param version the version to deploy or publish, or for a rollback the target version (null = standby)
 * @param requestId never null: {@link #of} derives it when the caller gave none
 * @param lesson the lesson file a lesson update publishes; null for the other procedures
 */
public record RunSpec(
    Procedure procedure,
    String service,
    String environment,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    LessonSource lesson) {

  public static RunSpec of(
      Procedure procedure, String service, String environment, String version, String requestedBy, String requestId, String reason) {
    String id = isBlank(requestId) ? RequestIds.of(procedure, service, environment, version, requestedBy) : requestId;
    return new RunSpec(procedure, service, environment, blankToNull(version), requestedBy, id, reason, null);
  }

  /** Publishing {@code lesson} (lesson {@code lessonId} at {@code version}) to {@code environment}. */
  public static RunSpec lessonUpdate(
      String lessonId, String version, LessonSource lesson, String environment, String requestedBy, String requestId) {
    String id = isBlank(requestId)
        ? RequestIds.of(Procedure.LESSON_UPDATE, lessonId, environment, version, requestedBy, lesson.yaml())
        : requestId;
    return new RunSpec(Procedure.LESSON_UPDATE, lessonId, environment, blankToNull(version), requestedBy, id, null, lesson);
  }

  public String workflowId() {
    return procedure.workflowId(service, environment);
  }

  /** The record the workflow method takes. */
  public Object workflowInput() {
    return switch (procedure) {
      case CODE_DEPLOY -> new CodeDeployRequest(service, environment, version, requestedBy, requestId);
      case EMERGENCY_DEPLOY -> new EmergencyDeployRequest(service, environment, version, reason, requestedBy, requestId);
      case ROLLBACK -> new RollbackRequest(service, environment, version, reason, requestedBy, requestId);
      case LESSON_UPDATE -> new LessonUpdateRequest(
          service, lesson == null ? null : lesson.fileName(), lesson == null ? null : lesson.yaml(),
          environment, requestedBy, requestId);
    };
  }

  /** Every problem with the request, the same checks the workflow runs first. */
  public List<String> problems() {
    return switch (procedure) {
      case CODE_DEPLOY -> RequestValidation.codeDeploy((CodeDeployRequest) workflowInput());
      case EMERGENCY_DEPLOY -> RequestValidation.emergencyDeploy((EmergencyDeployRequest) workflowInput());
      case ROLLBACK -> RequestValidation.rollback((RollbackRequest) workflowInput());
      case LESSON_UPDATE -> RequestValidation.lessonUpdate((LessonUpdateRequest) workflowInput());
    };
  }

  /** One line for the Temporal UI's summary: "code-deploy learning-api v1.5.1 → local". */
  public String summary() {
    String what = procedure == Procedure.ROLLBACK
        ? (version == null ? "to standby" : "to " + version)
        : version;
    return procedure.cliName() + " " + service + " " + what + " → " + environment;
  }

  /** Markdown for the Temporal UI's details panel. */
  public String details() {
    StringBuilder md = new StringBuilder();
    md.append("**").append(summary()).append("**\n\n");
    if (lesson != null) {
      md.append("- lesson file: `").append(lesson.fileName()).append("`\n");
    }
    md.append("- requested by: `").append(requestedBy).append("`\n");
    md.append("- request id: `").append(requestId).append("`\n");
    if (reason != null && !reason.isBlank()) {
      md.append("- reason: ").append(reason).append('\n');
    }
    md.append("\nApprove with the `promote` signal `{\"approver\":\"NAME\"}`, stop with `abort`"
        + " `{\"approver\":\"NAME\",\"reason\":\"...\"}`; the `status` query shows where it is.\n");
    return md.toString();
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }
}

package dev.runbook.starter.run;

import dev.runbook.workflows.api.Procedure;
import dev.runbook.workflows.api.RunTarget;
import java.util.List;
import java.util.function.Function;

/**
 * What `runbook start <procedure>` asks for, whatever the procedure: the procedure's registry entry
 * and the typed request its command built. The workflow id, validation and search attributes come
 * from the registry entry; this adds the request id and the UI metadata.
 *
 * @param request the workflow input, a record of {@code procedure.inputType()}
 * @param version what the run shows as its version: the request's, or for a lesson update the
 *     version inside the file; null when none (a rollback to the standby colour)
 * @param requestId never null: {@link #of} derives it when the caller gave none
 * @param lesson the lesson file a lesson update publishes; null for the other procedures
 * @param what the summary's middle part ("v1.5.1", "to standby")
 */
public record RunSpec(
    Procedure procedure,
    Object request,
    String version,
    String requestedBy,
    String requestId,
    String reason,
    LessonSource lesson,
    String what) {

  /**
   * A run of {@code procedure} on {@code target}. {@code request} builds the request record from
   * the request id, which is derived from the target and requester when the caller gave none.
   */
  public static RunSpec of(
      Procedure procedure, RunTarget target, String requestedBy, String requestId, Function<String, Object> request) {
    return of(procedure, target, requestedBy, requestId, null, request);
  }

  /** Like {@link #of(Procedure, RunTarget, String, String, Function)}; {@code content} also keys the default id. */
  public static RunSpec of(
      Procedure procedure, RunTarget target, String requestedBy, String requestId, String content,
      Function<String, Object> request) {
    String id = isBlank(requestId)
        ? RequestIds.of(procedure, target.key(), target.environment(), target.version(), requestedBy, content)
        : requestId;
    String version = blankToNull(target.version());
    return new RunSpec(procedure, request.apply(id), version, requestedBy, id, null, null, version);
  }

  /** The same run with the reason its details show. */
  public RunSpec withReason(String why) {
    return new RunSpec(procedure, request, version, requestedBy, requestId, why, lesson, what);
  }

  /** The same run publishing {@code file}. */
  public RunSpec withLesson(LessonSource file) {
    return new RunSpec(procedure, request, version, requestedBy, requestId, reason, file, what);
  }

  /** The same run summarised as "{@code <procedure> <key> <phrase> → <environment>}". */
  public RunSpec describedAs(String phrase) {
    return new RunSpec(procedure, request, version, requestedBy, requestId, reason, lesson, phrase);
  }

  /** The business key's middle part: the service, or a lesson update's lesson id. */
  public String service() {
    return target().key();
  }

  public String environment() {
    return target().environment();
  }

  public String workflowId() {
    return procedure.workflowId(request);
  }

  /** The record the workflow method takes. */
  public Object workflowInput() {
    return request;
  }

  /** Every problem with the request, the same checks the workflow runs first. */
  public List<String> problems() {
    return procedure.problems(request);
  }

  /** One line for the Temporal UI's summary: "code-deploy learning-api v1.5.1 → local". */
  public String summary() {
    return procedure.cliName() + " " + service() + " " + what + " → " + environment();
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

  /** Without the request: a lesson update's carries the whole lesson, too much for a log line. */
  @Override
  public String toString() {
    return "RunSpec[" + summary() + ", id " + workflowId() + ", requested by " + requestedBy + ", request " + requestId
        + (lesson == null ? "" : ", lesson " + lesson) + "]";
  }

  private RunTarget target() {
    return procedure.target(request);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  static String blankToNull(String s) {
    return isBlank(s) ? null : s;
  }
}

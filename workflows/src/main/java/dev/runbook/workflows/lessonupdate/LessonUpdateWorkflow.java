package dev.runbook.workflows.lessonupdate;

import dev.runbook.workflows.api.LessonUpdateRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Publishes a lesson the way its version bump demands (seed 000 procedures 1 and 2, seed 001):
 * validate, classify against the published version, render check, then
 * <ul>
 *   <li>first release, patch, minor: publish as current, notify learners per the compatibility
 *       matrix (patch: nobody; minor: "Updated" badge), watch the lesson's traffic; a rollback
 *       rule makes the previous version current again and withdraws the new one;
 *   <li>major: archive the current version, count the learners the update touches, publish behind
 *       a feature flag rolled out 10% → 50% → 100% with a watch and a gate after each step, make it
 *       current, prompt learners in progress, and remove the flag after a durable delay (24h in
 *       production). A rollback sets the flag to 0%, withdraws the new version and leaves the
 *       previous one current. Progress, XP and completions are never written by this workflow.
 * </ul>
 * The result's {@code service} is the lesson id, {@code requestedVersion} the new version and
 * {@code liveVersion} the version learners get at the end.
 */
@WorkflowInterface
public interface LessonUpdateWorkflow extends RunbookControl {

  @WorkflowMethod(name = "LessonUpdate")
  RunbookResult update(LessonUpdateRequest request);
}

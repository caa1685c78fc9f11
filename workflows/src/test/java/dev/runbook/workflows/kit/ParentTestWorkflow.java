package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.CodeDeployRequest;
import dev.runbook.workflows.api.RunbookControl;
import dev.runbook.workflows.api.RunbookResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Test-only: a parent run whose one step is a code deploy started as a child run. */
@WorkflowInterface
public interface ParentTestWorkflow extends RunbookControl {
  /** {@code requestId} "fail-after-child" makes the parent fail once its child succeeded. */
  String FAIL_AFTER_CHILD = "fail-after-child";

  @WorkflowMethod(name = "ParentTest")
  RunbookResult run(CodeDeployRequest request);
}

package dev.runbook.starter.stack;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A one-line workflow the stack runs once at start, in its own JVM, to prove the custom search
 * attributes are registered: it upserts {@code RunbookOutcome} as the real workflows do.
 */
@WorkflowInterface
public interface SearchAttributeProbe {
  String TASK_QUEUE = "runbook-stack-probe";

  @WorkflowMethod(name = "RunbookStackProbe")
  String probe(String outcome);
}

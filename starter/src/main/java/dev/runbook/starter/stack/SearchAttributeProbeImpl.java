package dev.runbook.starter.stack;

import dev.runbook.workflows.api.SearchAttributeKeys;
import io.temporal.workflow.Workflow;

/** Upserts the outcome search attribute and returns what the workflow now sees. */
public class SearchAttributeProbeImpl implements SearchAttributeProbe {
  @Override
  public String probe(String outcome) {
    Workflow.upsertTypedSearchAttributes(SearchAttributeKeys.OUTCOME.valueSet(outcome));
    return Workflow.getTypedSearchAttributes().get(SearchAttributeKeys.OUTCOME);
  }
}

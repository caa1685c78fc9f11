package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.HasUnknownFields;
import dev.runbook.workflows.api.InputShape;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow side of {@link InputShape}: a run's first step adds the input's unknown fields to its
 * problems, so a Start Workflow form with {@code "skipCanary": true} fails fast and non-retryably
 * like any invalid input. Runs started before this check ignored unknown fields; the version marker
 * keeps them doing so on replay. The marker is only taken when there is an unknown field (the input
 * is fixed in history, so that choice is deterministic), which leaves every clean run's history as
 * it was.
 */
public final class UnknownFieldRefusal {
  static final String REFUSE_UNKNOWN_FIELDS = "refuse-unknown-fields";

  private UnknownFieldRefusal() {}

  /** {@code problems} plus one per unknown field of {@code input}, for runs that refuse them. */
  public static <R extends Record & HasUnknownFields> List<String> addTo(List<String> problems, R input) {
    List<String> unknown = InputShape.unknownFieldProblems(input);
    if (unknown.isEmpty()
        || Workflow.getVersion(REFUSE_UNKNOWN_FIELDS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
      return problems;
    }
    List<String> all = new ArrayList<>(problems);
    all.addAll(unknown);
    return all;
  }
}

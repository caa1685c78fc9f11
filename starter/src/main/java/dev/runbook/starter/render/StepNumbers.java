package dev.runbook.starter.render;

import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepView;

/**
 * Step numbers as people see them: from 1, like {@code currentStep}, {@code waitingFor} ("promote
 * of step 3"), the approval records and the tree. The one place that reads {@code currentStep}.
 */
public final class StepNumbers {
  private StepNumbers() {}

  /** The tree's label of the step at list index {@code index}. */
  public static String label(int index) {
    return (index + 1) + ".";
  }

  /** The current step's number counted from 1, or null when the status names none. */
  public static Integer current(RunbookStatus s) {
    Integer n = s.currentStep();
    return n == null || n < 1 ? null : n;
  }

  /** The current step's line, or null. */
  public static StepView currentStep(RunbookStatus s) {
    Integer n = current(s);
    return n == null || s.steps() == null || n > s.steps().size() ? null : s.steps().get(n - 1);
  }
}

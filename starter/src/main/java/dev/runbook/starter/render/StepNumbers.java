package dev.runbook.starter.render;

import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import java.util.List;

/**
 * Step numbers as people see them: from 1, like {@code waitingFor} ("promote of step 3"), the
 * approval records and the tree. The one place that reads {@code currentStep}, which older
 * workflows counted from 0: a 0, or a number whose 0-based step is the active one while its
 * 1-based step is not, is read as 0-based.
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
    if (n == null) {
      return null;
    }
    if (n <= 0) {
      return 1;
    }
    List<StepView> steps = s.steps() == null ? List.of() : s.steps();
    boolean zeroBased = n < steps.size() && active(steps.get(n)) && !active(steps.get(n - 1));
    return zeroBased ? n + 1 : n;
  }

  /** The current step's line, or null. */
  public static StepView currentStep(RunbookStatus s) {
    Integer n = current(s);
    return n == null || s.steps() == null || n > s.steps().size() ? null : s.steps().get(n - 1);
  }

  private static boolean active(StepView step) {
    return step.state() == StepState.RUNNING || step.state() == StepState.WAITING;
  }
}

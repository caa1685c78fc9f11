package dev.runbook.starter.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runbook.workflows.api.Phase;
import dev.runbook.workflows.api.RunbookStatus;
import dev.runbook.workflows.api.StepState;
import dev.runbook.workflows.api.StepView;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoRunsTest {

  @Test
  void theGateIsNamedAsTheStatusTreeNumbersIt() { // currentStep counts from 1
    List<StepView> steps = List.of(
        new StepView("Store 2.0.0", StepState.SUCCEEDED, null, null, null),
        new StepView("Flag 10% of new learners (watch 8s)", StepState.WAITING, null, null, null));
    assertThat(DemoRuns.stepName(status(2, steps))).isEqualTo("step 2 (Flag 10% of new learners (watch 8s))");
    assertThat(DemoRuns.stepName(status(null, steps))).isEqualTo("the current gate");
    assertThat(DemoRuns.stepName(status(5, steps))).isEqualTo("step 5");
  }

  private static RunbookStatus status(Integer current, List<StepView> steps) {
    return new RunbookStatus("lesson-update", "lesson:x:local", "x", "local", "2.0.0", "ci", "r", null,
        Phase.AWAITING_APPROVAL, current, steps, null, null, null, null, null, null, null, null, null, null, null, null, 0, 0);
  }
}

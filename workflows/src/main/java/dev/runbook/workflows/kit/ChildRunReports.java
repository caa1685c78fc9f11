package dev.runbook.workflows.kit;

import dev.runbook.workflows.api.ChildRunView;
import io.temporal.workflow.SignalMethod;

/** The signal a child run sends its parent whenever its phase, what it waits for or its outcome changed. */
public interface ChildRunReports {
  String SIGNAL = "childStatus";

  @SignalMethod(name = SIGNAL, description = "A child run's phase, what it waits for and its outcome, sent by the child.")
  void childStatus(ChildRunView view);
}

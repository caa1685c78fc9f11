package dev.runbook.workflows.kit;

/**
 * How a procedure reads what is live at the end of its run, for the status and the registry. The
 * default reads the service's platform slots ({@link RunRecorder#platformSlots}); a lesson update
 * records the version new learners get instead.
 */
@FunctionalInterface
public interface LiveState {
  void record();
}

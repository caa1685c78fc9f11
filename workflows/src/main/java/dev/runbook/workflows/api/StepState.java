package dev.runbook.workflows.api;

/** State of one line of the step tree; each has a fixed icon in the CLI. */
public enum StepState {
  PENDING("◌"),
  RUNNING("◌"),
  WAITING("॥"),
  SUCCEEDED("✔"),
  FAILED("✖"),
  SKIPPED("-"),
  ROLLED_BACK("↺");

  private final String icon;

  StepState(String icon) {
    this.icon = icon;
  }

  public String icon() {
    return icon;
  }
}

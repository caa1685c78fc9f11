package dev.runbook.workflows.api;

import java.util.Arrays;
import java.util.Optional;

/** The runbooks this product runs: CLI name, Temporal workflow type and workflow-id prefix. */
public enum Procedure {
  CODE_DEPLOY("code-deploy", "CodeDeploy", "deploy"),
  EMERGENCY_DEPLOY("emergency-deploy", "EmergencyDeploy", "emergency"),
  ROLLBACK("rollback", "Rollback", "rollback"),
  /** The "service" of a lesson update is the lesson id: {@code lesson:stock_basics_001:local}. */
  LESSON_UPDATE("lesson-update", "LessonUpdate", "lesson");

  private final String cliName;
  private final String workflowType;
  private final String idPrefix;

  Procedure(String cliName, String workflowType, String idPrefix) {
    this.cliName = cliName;
    this.workflowType = workflowType;
    this.idPrefix = idPrefix;
  }

  public String cliName() {
    return cliName;
  }

  public String workflowType() {
    return workflowType;
  }

  /**
   * Business-key workflow id: one run per service and environment at a time, so two deploys of one
   * service to one environment can never overlap.
   */
  public String workflowId(String service, String environment) {
    return idPrefix + ":" + service + ":" + environment;
  }

  public static Optional<Procedure> fromCliName(String name) {
    return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst();
  }

  public static Optional<Procedure> fromWorkflowType(String type) {
    return Arrays.stream(values()).filter(p -> p.workflowType.equals(type)).findFirst();
  }
}

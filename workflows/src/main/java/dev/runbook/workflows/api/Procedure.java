package dev.runbook.workflows.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The procedure registry: every runbook this product runs, one entry each, with its CLI name,
 * Temporal workflow type, business-key id scheme, request type, validator and the target its
 * search attributes name. The CLI starts, follows and lists any procedure from its entry alone;
 * a new procedure adds an entry here and a command class in the CLI.
 */
public enum Procedure {
  CODE_DEPLOY("code-deploy", "CodeDeploy", "deploy", ProcedureInput.of(
      CodeDeployRequest.class, RequestValidation::codeDeploy,
      r -> new RunTarget(r.service(), r.environment(), r.version()))),
  EMERGENCY_DEPLOY("emergency-deploy", "EmergencyDeploy", "emergency", ProcedureInput.of(
      EmergencyDeployRequest.class, RequestValidation::emergencyDeploy,
      r -> new RunTarget(r.service(), r.environment(), r.version()))),
  /** The version of a rollback is where it goes back to; null means the standby colour. */
  ROLLBACK("rollback", "Rollback", "rollback", ProcedureInput.of(
      RollbackRequest.class, RequestValidation::rollback,
      r -> new RunTarget(r.service(), r.environment(), r.toVersion()))),
  /**
   * The "service" of a lesson update is the lesson id: {@code lesson:stock_basics_001:local}. Its
   * version lives inside the lesson file, so the request names none.
   */
  LESSON_UPDATE("lesson-update", "LessonUpdate", "lesson", ProcedureInput.of(
      LessonUpdateRequest.class, RequestValidation::lessonUpdate,
      r -> new RunTarget(r.lessonId(), r.environment(), null)), "Lesson"),
  /**
   * One incident per service and environment: {@code incident:learning-api:production}. Its
   * "version" is the severity label ({@code sev1}). Opened with {@code incident.IncidentOpener}, which joins
   * an open one.
   */
  INCIDENT_RESPONSE("incident-response", "IncidentResponse", "incident", ProcedureInput.of(
      IncidentRequest.class, RequestValidation::incident,
      r -> new RunTarget(r.service(), r.environment(),
          IncidentSeverity.of(r.severity()).map(IncidentSeverity::label).orElse(null)))),
  /**
   * The user-progress document migration over one environment's progress store:
   * {@code progress:user_progress:local}. The version is the document schema it migrates to,
   * known once the worker has read its registry.
   */
  PROGRESS_MIGRATION("progress-migration", "ProgressMigration", "progress", ProcedureInput.of(
      ProgressMigrationRequest.class, RequestValidation::progressMigration,
      r -> new RunTarget(ProgressMigrationRequest.TABLE, r.environment(), null)), "Table"),
  /**
   * One version of a service to several hosted platforms in their configured order (seed 002):
   * {@code multi:web:production}.
   */
  MULTI_PLATFORM("multi-platform", "MultiPlatformDeploy", "multi", ProcedureInput.of(
      MultiPlatformRequest.class, RequestValidation::multiPlatform,
      r -> new RunTarget(r.service(), r.environment(), r.version()))),
  /**
   * A service's config (seed 003), then a rolling restart: {@code config:learning-api:local}. It
   * changes no release, so it names no version.
   */
  CONFIG_UPDATE("config-update", "ConfigUpdate", "config", ProcedureInput.of(
      ConfigUpdateRequest.class, RequestValidation::configUpdate,
      r -> new RunTarget(r.service(), r.environment(), null))),
  /**
   * A platform schema migration of one environment's database with snapshot, rehearsal, window,
   * maintenance and a restore that keeps learners' writes: {@code schema:platform:local}. The
   * version is the target schema release (1.1).
   */
  SCHEMA_MIGRATION("schema-migration", "SchemaMigration", "schema", ProcedureInput.of(
      SchemaMigrationRequest.class, SchemaMigrationValidation::problems,
      r -> new RunTarget(SchemaMigrationRequest.DATABASE, r.environment(), r.targetVersion())), "Database"),
  /**
   * The daily health check (scheduled, or by hand) of one environment or all of them:
   * {@code health:daily:all}. Its "service" is the operation's key.
   */
  DAILY_HEALTH_CHECK("health-check", "DailyHealthCheck", "health", ProcedureInput.of(
      OperationRequest.class, OperationRequest::problemsOf,
      r -> new RunTarget(Procedure.DAILY_HEALTH_CHECK_KEY, r.environmentOrAll(), null)), "Operation"),
  /**
   * One version of a service through dev, staging and production, five phases each, the deploys
   * as child runs (seed 004): {@code release:learning-api:production}, named after its last
   * environment.
   */
  RELEASE("release", "Release", "release", ProcedureInput.of(
      ReleaseRequest.class, ReleaseValidation::problems,
      r -> new RunTarget(r.service(), r.lastEnvironment(), r.version())));

  /** What the daily health check's business key names where a service would be. */
  public static final String DAILY_HEALTH_CHECK_KEY = "daily";

  private final String cliName;
  private final String workflowType;
  private final String idPrefix;
  private final ProcedureInput<?> input;
  private final String keyLabel;

  Procedure(String cliName, String workflowType, String idPrefix, ProcedureInput<?> input) {
    this(cliName, workflowType, idPrefix, input, "Service");
  }

  Procedure(String cliName, String workflowType, String idPrefix, ProcedureInput<?> input, String keyLabel) {
    this.cliName = cliName;
    this.workflowType = workflowType;
    this.idPrefix = idPrefix;
    this.input = input;
    this.keyLabel = keyLabel;
  }

  public String cliName() {
    return cliName;
  }

  /** The Temporal workflow type, which is also the name of the workflow method. */
  public String workflowType() {
    return workflowType;
  }

  /** What the business key's middle part names, as a label: "Service", "Lesson". */
  public String keyLabel() {
    return keyLabel;
  }

  /** The request record the workflow method takes. */
  public Class<?> inputType() {
    return input.type();
  }

  /**
   * Business-key workflow id: one run per service and environment at a time, so two deploys of one
   * service to one environment can never overlap.
   */
  public String workflowId(String service, String environment) {
    return idPrefix + ":" + service + ":" + environment;
  }

  /** The business-key workflow id of {@code request} (a request of {@link #inputType()}). */
  public String workflowId(Object request) {
    RunTarget target = target(request);
    return workflowId(target.key(), target.environment());
  }

  /** What {@code request} acts on: the search attributes service/environment/version name it. */
  public RunTarget target(Object request) {
    return input.target(request);
  }

  /** Every problem with {@code request}, the checks the workflow runs first; empty when valid. */
  public List<String> problems(Object request) {
    return input.problems(request);
  }

  public static Optional<Procedure> fromCliName(String name) {
    return Arrays.stream(values()).filter(p -> p.cliName.equals(name)).findFirst();
  }

  public static Optional<Procedure> fromWorkflowType(String type) {
    return Arrays.stream(values()).filter(p -> p.workflowType.equals(type)).findFirst();
  }
}
